using System.Text.Json.Serialization;

namespace Nightjar.Recording.Events;

/// <summary>What protected a segment at the moment retention deleted it (none, motion window, evidence lock).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SegmentProtection>))]
public enum SegmentProtection
{
    [JsonStringEnumMemberName("none")]
    None = 0,

    /// <summary>The segment overlapped a motion window still inside its motion depth.</summary>
    [JsonStringEnumMemberName("motion")]
    Motion = 1,

    /// <summary>The segment overlapped an active evidence lock (only an emergency deletes it, and raises a storage alarm).</summary>
    [JsonStringEnumMemberName("lock")]
    Lock = 2,
}
