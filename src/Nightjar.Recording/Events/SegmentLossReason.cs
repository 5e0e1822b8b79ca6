using System.Text.Json.Serialization;

namespace Nightjar.Recording.Events;

/// <summary>Why an indexed segment is no longer usable. Stored by name: values may be added, never renamed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SegmentLossReason>))]
public enum SegmentLossReason
{
    /// <summary>The index has the segment but its file is gone (found at start-up reconciliation).</summary>
    [JsonStringEnumMemberName("file-missing")]
    FileMissing = 0,

    /// <summary>The file exists but cannot be read (I/O error, permissions, failing disk).</summary>
    [JsonStringEnumMemberName("unreadable")]
    Unreadable = 1,

    /// <summary>The file is shorter than the recorded size.</summary>
    [JsonStringEnumMemberName("truncated")]
    Truncated = 2,

    /// <summary>The file's content is not valid MPEG-TS where the index says it should be.</summary>
    [JsonStringEnumMemberName("corrupt")]
    Corrupt = 3,
}
