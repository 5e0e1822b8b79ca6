using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>
/// The camera resource as a client sends it (<c>POST /api/v1/cameras</c>, <c>PUT /api/v1/cameras/{id}</c>).
/// Every property is optional at this level so that <see cref="CameraRequestValidator"/> can report all missing
/// fields at once; read it with <see cref="CameraRequestParser"/>, which rejects unknown fields.
/// </summary>
/// <remarks>A class rather than a record on purpose: a record's generated ToString would print passwords.</remarks>
public sealed class CameraRequest
{
    /// <summary>Required on create; on replace optional, and when given it must equal the route's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("streams")]
    public IReadOnlyList<StreamRequest?>? Streams { get; init; }

    [JsonPropertyName("dvr")]
    public DvrPolicyRequest? Dvr { get; init; }

    [JsonPropertyName("events")]
    public EventSourceRequest? Events { get; init; }

    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string?>? Labels { get; init; }

    /// <summary>Default true.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary><c>drop</c> (default), <c>copy</c> or <c>transcode</c>.</summary>
    [JsonPropertyName("audio")]
    public string? Audio { get; init; }
}
