using Nightjar.Recording.Events;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>One <c>EventNotificationAlert</c> as the device sent it (XML or JSON), before it is mapped to a camera.</summary>
/// <param name="EventType">The device's type name, as sent (<c>VMD</c>, <c>linedetection</c>...): a short token.</param>
/// <param name="State">Active or inactive; <see cref="AlarmState.Pulse"/> when the device gave no usable state.</param>
/// <param name="Channel"><c>channelID</c>, else <c>dynChannelID</c>; null when neither is there.</param>
/// <param name="At">The device's <c>dateTime</c> when it carried a UTC offset; null otherwise (local time of an unknown zone).</param>
/// <param name="Region">The first <c>regionID</c> of a smart event.</param>
/// <param name="Target">The first <c>detectionTarget</c> or <c>targetType</c> (<c>human</c>, <c>vehicle</c>), lower case.</param>
internal sealed record DeviceEvent(
    string EventType,
    AlarmState State,
    int? Channel,
    DateTimeOffset? At,
    string? Region = null,
    string? Target = null);
