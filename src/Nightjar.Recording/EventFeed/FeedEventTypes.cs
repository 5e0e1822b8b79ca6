using System.Collections.Frozen;

namespace Nightjar.Recording.EventFeed;

/// <summary>
/// The published event type names. Flussonic's names where one matches (so existing integrations map easily),
/// Nightjar's own otherwise. Names are a contract: add, never rename.
/// </summary>
public static class FeedEventTypes
{
    public const string CameraAdded = "camera_added";
    public const string CameraUpdated = "camera_updated";
    public const string CameraRemoved = "camera_removed";
    public const string StreamStarted = "stream_started";
    public const string SourceClosed = "source_closed";
    public const string SegmentRecorded = "dvr_segment_recorded";
    public const string SegmentLost = "dvr_segment_lost";
    public const string SegmentDeleted = "dvr_segment_deleted";
    public const string MotionStarted = "stream_motion_started";
    public const string MotionStopped = "stream_motion_stopped";
    public const string CameraAlarm = "camera_alarm";
    public const string CameraEvent = "camera_event";
    public const string EvidenceLockAdded = "evidence_lock_added";
    public const string EvidenceLockReleased = "evidence_lock_released";
    public const string StorageAlarm = "storage_alarm";

    /// <summary>Every published name (the valid values of a <c>types</c> filter).</summary>
    public static FrozenSet<string> All { get; } = new[]
    {
        CameraAdded, CameraUpdated, CameraRemoved, StreamStarted, SourceClosed, SegmentRecorded, SegmentLost,
        SegmentDeleted, MotionStarted, MotionStopped, CameraAlarm, CameraEvent, EvidenceLockAdded,
        EvidenceLockReleased, StorageAlarm,
    }.ToFrozenSet(StringComparer.Ordinal);
}
