namespace Nightjar.Recording.Devices;

/// <summary>
/// A camera's event source as it is right now. Counters are those of the device connection, which cameras on the same
/// device (NVR channels) share.
/// </summary>
/// <param name="Kind">The source kind (<c>hikvision</c>).</param>
/// <param name="Url">The device URL, redacted.</param>
/// <param name="Channel">The camera's device channel.</param>
/// <param name="State">Connection state.</param>
/// <param name="Since">When <paramref name="State"/> began.</param>
/// <param name="LastError">Why the last connection failed (no secret in it); null once connected.</param>
/// <param name="NextAttemptAt">When the next connection attempt is due, while waiting.</param>
/// <param name="LastDataAt">When the last byte arrived from the device.</param>
/// <param name="LastEventAt">When the last event (not heartbeat) arrived for this device.</param>
/// <param name="EventsReceived">Events parsed since the source started, heartbeats excluded.</param>
/// <param name="Heartbeats">Heartbeats seen.</param>
/// <param name="ParseErrors">Damaged parts survived (malformed XML/JSON, broken delimiters, truncated and endless parts).</param>
/// <param name="Reconnects">Connection attempts after the first.</param>
/// <param name="EventsDropped">Events for channels no camera claims, or that the signal pipeline did not take.</param>
public sealed record EventSourceStatus(
    string Kind,
    string Url,
    int Channel,
    EventSourceState State,
    DateTimeOffset Since,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastDataAt,
    DateTimeOffset? LastEventAt,
    long EventsReceived,
    long Heartbeats,
    long ParseErrors,
    long Reconnects,
    long EventsDropped);
