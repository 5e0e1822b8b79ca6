using System.Text.Json.Serialization;

namespace Nightjar.Recording.Events;

/// <summary>What a storage alarm is about.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StorageAlarmKind>))]
public enum StorageAlarmKind
{
    /// <summary>The filesystem was about to fill and retention deleted evidence-locked segments.</summary>
    [JsonStringEnumMemberName("locked_deleted")]
    LockedDeleted = 0,

    /// <summary>Retention refused a pass (index missing, or it would remove more than half of a root at once).</summary>
    [JsonStringEnumMemberName("pass_refused")]
    PassRefused = 1,

    /// <summary>Free space stayed below the minimum even after every deletable segment was considered.</summary>
    [JsonStringEnumMemberName("disk_full")]
    DiskFull = 2,
}
