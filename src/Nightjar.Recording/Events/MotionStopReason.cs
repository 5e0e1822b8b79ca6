using System.Text.Json.Serialization;

namespace Nightjar.Recording.Events;

/// <summary>How a motion window was closed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MotionStopReason>))]
public enum MotionStopReason
{
    /// <summary>The source said the motion ended.</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped = 0,

    /// <summary>A momentary alarm: its window closes right away (post-alarm still applies).</summary>
    [JsonStringEnumMemberName("momentary")]
    Momentary = 1,

    /// <summary>No end arrived within the configured maximum motion length.</summary>
    [JsonStringEnumMemberName("max_duration")]
    MaxDuration = 2,

    /// <summary>The event source went away (camera removed, source reconfigured or silent).</summary>
    [JsonStringEnumMemberName("source_lost")]
    SourceLost = 3,
}
