using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>
/// The camera resource as the API returns it. It has the request's shape, so a GET body can be edited and sent
/// back with PUT; passwords are never in it (not even protected), only <c>passwordSet</c>.
/// </summary>
public sealed record CameraResponse
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("streams")]
    public required IReadOnlyList<StreamResponse> Streams { get; init; }

    [JsonPropertyName("dvr")]
    public required DvrPolicyResponse Dvr { get; init; }

    [JsonPropertyName("events")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EventSourceResponse? Events { get; init; }

    [JsonPropertyName("labels")]
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    [JsonPropertyName("enabled")]
    public required bool Enabled { get; init; }

    [JsonPropertyName("audio")]
    public required string Audio { get; init; }

    /// <summary>The response for a definition, in either credential form: passwords are left out either way.</summary>
    public static CameraResponse From(CameraDefinition camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return new CameraResponse
        {
            Id = camera.Id.Value,
            Name = camera.Name,
            Streams = [.. camera.Streams.Select(StreamResponse.From)],
            Dvr = DvrPolicyResponse.From(camera.Dvr),
            Events = camera.Events is null ? null : EventSourceResponse.From(camera.Events),
            Labels = camera.Labels,
            Enabled = camera.Enabled,
            Audio = camera.Audio switch
            {
                AudioMode.Copy => "copy",
                AudioMode.Transcode => "transcode",
                _ => "drop",
            },
        };
    }
}
