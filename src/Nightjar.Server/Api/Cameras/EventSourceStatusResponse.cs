using Nightjar.Recording.Devices;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Cameras;

/// <summary>The <c>eventSource</c> of a <see cref="CameraStatusResponse"/>: the camera's device event connection.</summary>
/// <param name="Kind">The source kind (<c>hikvision</c>).</param>
/// <param name="Url">The device URL, without user info.</param>
/// <param name="Channel">The camera's device channel.</param>
/// <param name="State"><c>connecting</c>, <c>connected</c>, <c>unauthorized</c>, <c>failed</c> or <c>stopped</c>.</param>
/// <param name="Since">When <paramref name="State"/> began.</param>
/// <param name="LastError">Why the last connection failed, with secrets masked; null once connected.</param>
/// <param name="NextAttemptAt">When the next connection attempt is due, while waiting.</param>
/// <param name="LastDataAt">When the device last sent anything (heartbeats included).</param>
/// <param name="LastEventAt">When the device last sent an event.</param>
/// <param name="EventsReceived">Events received from the device (shared by the cameras of one NVR), heartbeats excluded.</param>
/// <param name="Heartbeats">Heartbeats received.</param>
/// <param name="ParseErrors">Damaged parts survived.</param>
/// <param name="Reconnects">Connection attempts after the first.</param>
/// <param name="EventsDropped">Events for channels no camera claims, or that could not be delivered.</param>
internal sealed record EventSourceStatusResponse(
    string Kind,
    string Url,
    int Channel,
    string State,
    DateTimeOffset Since,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastDataAt,
    DateTimeOffset? LastEventAt,
    long EventsReceived,
    long Heartbeats,
    long ParseErrors,
    long Reconnects,
    long EventsDropped)
{
    public static EventSourceStatusResponse From(EventSourceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(
            status.Kind,
            status.Url,
            status.Channel,
            NameOf(status.State),
            status.Since,
            // Sources keep passwords out of their errors; a URL in an error is the classic leak, so mask once more.
            status.LastError is { } error && error.Contains("://", StringComparison.Ordinal) ? SecretRedactor.RedactUrl(error) : status.LastError,
            status.NextAttemptAt,
            status.LastDataAt,
            status.LastEventAt,
            status.EventsReceived,
            status.Heartbeats,
            status.ParseErrors,
            status.Reconnects,
            status.EventsDropped);
    }

    public static string NameOf(EventSourceState state) => state switch
    {
        EventSourceState.Connecting => "connecting",
        EventSourceState.Connected => "connected",
        EventSourceState.Unauthorized => "unauthorized",
        EventSourceState.Failed => "failed",
        EventSourceState.Stopped => "stopped",
        _ => "unknown",
    };
}
