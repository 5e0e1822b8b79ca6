using System.Text.Json.Serialization;
using Nightjar.Recording.EventFeed;

namespace Nightjar.Server.Api.Events;

/// <summary>The answer of <c>GET /api/v1/events</c>: <c>{"events": [...], "next": "0-42"}</c>.</summary>
/// <param name="Events">Matching events in journal order.</param>
/// <param name="Next">Pass as <c>after</c> for the next page: a page may end early (scan bound) while more events exist.</param>
internal sealed record EventPageResponse(
    [property: JsonPropertyName("events")] IReadOnlyList<FeedEvent> Events,
    [property: JsonPropertyName("next")] string Next);
