using System.Text.Json.Serialization;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Events;

/// <summary>
/// A segment file was closed and made durable (file and directory fsynced): from now on it is part of the archive.
/// </summary>
/// <param name="CameraId">The camera.</param>
/// <param name="Stream">The stream's name (<c>main</c>).</param>
/// <param name="RunId">The run that wrote the file (see <see cref="StreamStarted"/>).</param>
/// <param name="Path">Relative to the storage root, '/'-separated (<see cref="StoragePaths.IsSafeRelative"/>).</param>
/// <param name="Start">Wall-clock time of the first frame.</param>
/// <param name="End">Wall-clock time where the segment ends (its last frame plus that frame's duration); not before <paramref name="Start"/>.</param>
/// <param name="Bytes">Final file size.</param>
/// <param name="Gops">Keyframe index of the file, for GOP-aligned HLS chunks.</param>
[JournalType("segment.recorded.v1")]
public sealed record SegmentRecorded(
    CameraId CameraId,
    string Stream,
    string RunId,
    string Path,
    DateTimeOffset Start,
    DateTimeOffset End,
    long Bytes,
    GopIndex Gops) : ICameraEvent
{
    public string Stream { get; init => field = CameraEvents.EnsureStreamName(value); } = CameraEvents.EnsureStreamName(Stream);

    public string RunId { get; init => field = CameraEvents.EnsureRunId(value); } = CameraEvents.EnsureRunId(RunId);

    public string Path { get; init => field = StoragePaths.EnsureSafeRelative(value); } = StoragePaths.EnsureSafeRelative(Path);

    public DateTimeOffset End { get; init; } = End >= Start ? End : throw new ArgumentException("A segment cannot end before it starts.", nameof(End));

    public long Bytes { get; init; } = Bytes >= 0 ? Bytes : throw new ArgumentOutOfRangeException(nameof(Bytes), Bytes, "A size cannot be negative.");

    public GopIndex Gops { get; init; } = Gops ?? GopIndex.Empty;

    /// <summary>
    /// The cluster node whose disk holds the file; null on a single node (and in events written before clusters).
    /// Omitted from the stored JSON when null, so single-node events are unchanged.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Node { get; init; }

    [JsonIgnore]
    public TimeSpan Duration => End - Start;
}
