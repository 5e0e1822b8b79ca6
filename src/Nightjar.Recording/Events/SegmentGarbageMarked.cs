using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>
/// First step of a crash-safe deletion (Moonfire's order): the segment is marked garbage in the journal before its
/// file is unlinked. A marked segment is no longer played back; after a crash, recovery finishes the deletion
/// (unlink if still there, fsync the directory, then <see cref="SegmentDeleted"/>) instead of reporting it lost.
/// </summary>
[JournalType("segment.garbage.v1")]
public sealed record SegmentGarbageMarked(CameraId CameraId, string Stream, string Path, SegmentDeletionReason Reason) : ICameraEvent
{
    public string Stream { get; init => field = CameraEvents.EnsureStreamName(value); } = CameraEvents.EnsureStreamName(Stream);

    public string Path { get; init => field = StoragePaths.EnsureSafeRelative(value); } = StoragePaths.EnsureSafeRelative(Path);
}
