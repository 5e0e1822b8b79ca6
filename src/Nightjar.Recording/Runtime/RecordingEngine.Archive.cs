using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Timeline;

namespace Nightjar.Recording.Runtime;

/// <summary><see cref="IRecordingArchive"/>: the catalog plus the streams' published snapshots.</summary>
public sealed partial class RecordingEngine
{
    /// <inheritdoc/>
    public Task<IReadOnlyList<HlsSegment>> GetSegmentsAsync(CameraId camera, string stream, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        _archive.GetSegmentsAsync(camera, stream, from, to, cancellationToken);

    /// <inheritdoc/>
    public LiveWindow? GetLive(CameraId camera, string stream) => _archive.GetLive(camera, stream);

    /// <inheritdoc/>
    /// <remarks>Keys are <c>{yyyyMMdd}.{runId}.{unixSeconds}</c>: a file keeps its key from its first live chunk to its deletion.</remarks>
    public ChunkFile? ResolveChunkFile(CameraId camera, string stream, string segmentKey) =>
        _archive.ResolveChunkFile(camera, stream, segmentKey);

    /// <inheritdoc/>
    public Task<TimelineResult> GetTimelineAsync(CameraId camera, string stream, TimeRange window, CancellationToken cancellationToken) =>
        _archive.GetTimelineAsync(camera, stream, window, cancellationToken);

    /// <inheritdoc/>
    public Task<ChunkRange?> GetLatestKeyframeAsync(CameraId camera, string stream, CancellationToken cancellationToken) =>
        _archive.GetLatestKeyframeAsync(camera, stream, cancellationToken);
}
