using System.Text.Json.Serialization;
using Nightjar.Recording.EventSinks;

namespace Nightjar.Server.Api.EventSinks;

/// <summary>
/// A sink as the API returns it: the request's shape (a GET body can be edited and sent back with PUT: <c>***</c>
/// header values and <c>"secret": true</c> keep what is stored) plus its delivery state. No secret is ever in it.
/// </summary>
internal sealed record EventSinkResponse
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The URL with its password and secret-looking query values masked.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("only")]
    public required EventSinkOnlyResponse Only { get; init; }

    /// <summary>Header names, every value shown as <c>***</c>.</summary>
    [JsonPropertyName("headers")]
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Whether requests are signed; the secret itself is never returned.</summary>
    [JsonPropertyName("secret")]
    public required bool Secret { get; init; }

    [JsonPropertyName("batchSize")]
    public required int BatchSize { get; init; }

    [JsonPropertyName("from")]
    public required EventSinkStart Start { get; init; }

    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("updatedAt")]
    public required DateTimeOffset UpdatedAt { get; init; }

    [JsonPropertyName("status")]
    public required EventSinkStatusResponse Status { get; init; }

    public static EventSinkResponse From(EventSinkView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Sink.Definition;
        return new EventSinkResponse
        {
            Id = d.Id,
            Name = d.Name,
            Url = d.DisplayUrl,
            Only = new EventSinkOnlyResponse(d.Types, d.Cameras),
            Headers = d.Headers.Keys.ToDictionary(k => k, _ => EventSinkValidator.KeepMask, StringComparer.OrdinalIgnoreCase),
            Secret = d.ProtectedSecret is not null,
            BatchSize = d.BatchSize,
            Start = d.From,
            CreatedAt = d.CreatedAt,
            UpdatedAt = d.UpdatedAt,
            Status = EventSinkStatusResponse.From(view),
        };
    }
}
