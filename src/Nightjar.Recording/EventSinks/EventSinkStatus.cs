using Nightjar.Persistence;

namespace Nightjar.Recording.EventSinks;

/// <summary>A sink worker's state for the API and metrics. Errors are redacted (no URL password, header value or secret).</summary>
/// <param name="State">What it is doing.</param>
/// <param name="Position">Every event up to here was delivered or skipped by the filter.</param>
/// <param name="Delivered">Events acknowledged in the current epoch (kept across restarts).</param>
/// <param name="LastDeliveredAt">When the receiver last acknowledged a batch.</param>
/// <param name="LastError">The last failure, redacted.</param>
/// <param name="LastErrorAt">When it happened.</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last success.</param>
/// <param name="NextAttemptAt">When the next retry is due (while retrying).</param>
/// <param name="OldestPendingAt">Journal time of the oldest event being delivered, if any.</param>
public sealed record EventSinkStatus(
    EventSinkState State,
    JournalOffset Position,
    long Delivered,
    DateTimeOffset? LastDeliveredAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? OldestPendingAt)
{
    public static EventSinkStatus Initial { get; } = new(EventSinkState.Starting, JournalOffset.Start, 0, null, null, null, 0, null, null);
}
