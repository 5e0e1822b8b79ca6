using System.Text.Json.Serialization;
using Nightjar.Recording.EventSinks;

namespace Nightjar.Server.Api.EventSinks;

/// <summary>A sink's delivery state: what its worker does, where it is, how far behind, and the last (redacted) error.</summary>
internal sealed record EventSinkStatusResponse
{
    [JsonPropertyName("state")]
    public required EventSinkState State { get; init; }

    /// <summary>The event id everything up to which was delivered (or skipped by the filter).</summary>
    [JsonPropertyName("position")]
    public required string Position { get; init; }

    [JsonPropertyName("delivered")]
    public required long Delivered { get; init; }

    [JsonPropertyName("lastDeliveredAt")]
    public DateTimeOffset? LastDeliveredAt { get; init; }

    [JsonPropertyName("lagEvents")]
    public required long LagEvents { get; init; }

    [JsonPropertyName("lagSeconds")]
    public required double LagSeconds { get; init; }

    [JsonPropertyName("lastError")]
    public string? LastError { get; init; }

    [JsonPropertyName("lastErrorAt")]
    public DateTimeOffset? LastErrorAt { get; init; }

    [JsonPropertyName("consecutiveFailures")]
    public required int ConsecutiveFailures { get; init; }

    [JsonPropertyName("nextAttemptAt")]
    public DateTimeOffset? NextAttemptAt { get; init; }

    public static EventSinkStatusResponse From(EventSinkView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Status;
        return new EventSinkStatusResponse
        {
            State = s.State,
            Position = s.Position.ToString(),
            Delivered = s.Delivered,
            LastDeliveredAt = s.LastDeliveredAt,
            LagEvents = view.LagEvents,
            LagSeconds = Math.Round(view.LagSeconds, 3),
            LastError = s.LastError,
            LastErrorAt = s.LastErrorAt,
            ConsecutiveFailures = s.ConsecutiveFailures,
            NextAttemptAt = s.NextAttemptAt,
        };
    }
}
