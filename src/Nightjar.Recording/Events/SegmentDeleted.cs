using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>
/// Last step of a deletion: the file is unlinked and its directory fsynced; the index row goes. Published as
/// <c>dvr_segment_deleted</c>.
/// </summary>
/// <param name="CameraId">The camera.</param>
/// <param name="Stream">The stream's name.</param>
/// <param name="Path">Relative to the storage root.</param>
/// <param name="Start">Start of the deleted recording.</param>
/// <param name="End">End of the deleted recording.</param>
/// <param name="Bytes">Size freed.</param>
/// <param name="Reason">Why it was deleted.</param>
/// <param name="Protection">What protected it when it was deleted (<see cref="SegmentProtection.None"/> almost always).</param>
[JournalType("segment.deleted.v1")]
public sealed record SegmentDeleted(
    CameraId CameraId,
    string Stream,
    string Path,
    DateTimeOffset Start,
    DateTimeOffset End,
    long Bytes,
    SegmentDeletionReason Reason,
    SegmentProtection Protection = SegmentProtection.None) : ICameraEvent
{
    public string Stream { get; init => field = CameraEvents.EnsureStreamName(value); } = CameraEvents.EnsureStreamName(Stream);

    public string Path { get; init => field = StoragePaths.EnsureSafeRelative(value); } = StoragePaths.EnsureSafeRelative(Path);
}
