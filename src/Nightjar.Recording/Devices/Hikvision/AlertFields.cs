using Nightjar.Recording.Events;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>The raw values the XML and JSON readers collect; <see cref="ToEvent"/> applies the same rules to both.</summary>
internal sealed class AlertFields
{
    public string? EventType { get; set; }

    public string? EventState { get; set; }

    public string? ChannelId { get; set; }

    public string? DynChannelId { get; set; }

    public string? DateTime { get; set; }

    public string? RegionId { get; set; }

    public string? Target { get; set; }

    /// <summary>The event, or null with <paramref name="error"/> saying why (no secret and no device text in it).</summary>
    public DeviceEvent? ToEvent(out string? error)
    {
        var type = DeviceText.Token(EventType, DeviceText.MaxTypeLength);
        if (type is null)
        {
            error = EventType is null ? "no eventType" : "eventType is not a short token";
            return null;
        }

        error = null;
        var state = EventState?.Trim() switch
        {
            { } s when s.Equals("active", StringComparison.OrdinalIgnoreCase) => AlarmState.Active,
            { } s when s.Equals("inactive", StringComparison.OrdinalIgnoreCase) => AlarmState.Inactive,
            // The schema requires a state; a device that leaves it out reports a moment, not a condition.
            _ => AlarmState.Pulse,
        };
        return new DeviceEvent(
            type,
            state,
            DeviceText.Channel(ChannelId) ?? DeviceText.Channel(DynChannelId),
            DeviceText.Time(DateTime),
            DeviceText.Token(RegionId, DeviceText.MaxTokenLength),
            DeviceText.Token(Target, DeviceText.MaxTokenLength)?.ToLowerInvariant());
    }
}
