using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>A recorded segment turned out to be missing or broken; the archive reports it instead of hiding it.</summary>
[JournalType("segment.lost.v1")]
public sealed record SegmentLost(CameraId CameraId, string Stream, string Path, SegmentLossReason Reason) : ICameraEvent
{
    public string Stream { get; init => field = CameraEvents.EnsureStreamName(value); } = CameraEvents.EnsureStreamName(Stream);

    public string Path { get; init => field = StoragePaths.EnsureSafeRelative(value); } = StoragePaths.EnsureSafeRelative(Path);
}
