using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Nightjar.Persistence;

namespace Nightjar.Recording.EventFeed;

/// <summary>
/// One event as the outside world sees it (the event API, server-sent events, sinks):
/// <c>{"id": "0-42", "time": "2026-01-01T00:00:00Z", "camera": "lobby", "type": "stream_started", "payload": {...}}</c>.
/// Built only by <see cref="FeedEventMapper"/>, which whitelists payload fields, so no secret can reach it.
/// </summary>
/// <param name="Offset">The journal offset; <see cref="Id"/> is its text, the value to resume after.</param>
/// <param name="Time">When Nightjar journaled the fact (UTC); domain times (<c>at</c>, <c>start</c>) are in the payload.</param>
/// <param name="Camera">The camera it is about; null for site-wide events (<c>storage_alarm</c>).</param>
/// <param name="Type">One of <see cref="FeedEventTypes.All"/>.</param>
/// <param name="Payload">The type's fields (see the README's event table).</param>
public sealed record FeedEvent(
    [property: JsonIgnore] JournalOffset Offset,
    [property: JsonPropertyName("time")] DateTime Time,
    [property: JsonPropertyName("camera")] string? Camera,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("payload")] JsonObject Payload)
{
    /// <summary>The journal offset as text: pass it back as <c>after</c> or <c>Last-Event-ID</c>.</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-1)]
    public string Id => Offset.ToString();
}
