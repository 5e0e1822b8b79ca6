using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Timeline;

namespace Nightjar.Recording.Runtime;

/// <summary>
/// What playback needs from the recordings: GOP chunks for live and archive playlists (from the index, never a
/// directory scan), a way from an opaque chunk key back to a file inside a storage root, the recorded ranges for
/// the timeline, and the newest keyframe for previews. Stream names are resolved by the caller
/// (<c>{camera}</c> means the camera's primary stream).
/// </summary>
public interface IRecordingArchive
{
    /// <summary>
    /// Segments of one stream overlapping <c>[from, to)</c> with their GOP chunks, oldest first, including the
    /// complete GOPs of the segment still being written when the window reaches it. Keys are opaque
    /// (<see cref="ResolveChunkFile"/> turns them back into files).
    /// </summary>
    Task<IReadOnlyList<HlsSegment>> GetSegmentsAsync(CameraId camera, string stream, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The live window (the last few complete GOP chunks) of a stream being recorded, or null when it is not.</summary>
    LiveWindow? GetLive(CameraId camera, string stream);

    /// <summary>The file behind a segment key, or null when the key is unknown or its file is gone. Never outside a storage root.</summary>
    ChunkFile? ResolveChunkFile(CameraId camera, string stream, string segmentKey);

    /// <summary>Recorded ranges and gaps of one stream within the window (the live edge included).</summary>
    Task<TimelineResult> GetTimelineAsync(CameraId camera, string stream, TimeRange window, CancellationToken cancellationToken);

    /// <summary>The newest complete GOP of a stream (file and byte range), for snapshots without a camera connection.</summary>
    Task<ChunkRange?> GetLatestKeyframeAsync(CameraId camera, string stream, CancellationToken cancellationToken);
}
