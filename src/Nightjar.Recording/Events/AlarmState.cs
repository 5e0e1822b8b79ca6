using System.Text.Json.Serialization;

namespace Nightjar.Recording.Events;

/// <summary>The state a device or the alarm API reports for an alarm or event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmState>))]
public enum AlarmState
{
    /// <summary>The condition began (or is still going on: devices repeat it).</summary>
    [JsonStringEnumMemberName("active")]
    Active = 0,

    /// <summary>The condition ended.</summary>
    [JsonStringEnumMemberName("inactive")]
    Inactive = 1,

    /// <summary>A momentary alarm with no end of its own (the CamTrace-style trigger call).</summary>
    [JsonStringEnumMemberName("pulse")]
    Pulse = 2,
}
