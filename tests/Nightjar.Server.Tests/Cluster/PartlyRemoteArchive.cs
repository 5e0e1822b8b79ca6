using System.Collections.Concurrent;
using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Timeline;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>
/// The archive of a node that sees every segment (they are listed from the shared catalog) but holds the files of
/// only some of them: <see cref="ResolveChunkFile"/> answers null for a key marked remote, as the engine does for a
/// file on another node's disk. Nothing is recorded live here.
/// </summary>
internal sealed class PartlyRemoteArchive(IRecordingArchive shared) : IRecordingArchive
{
    private readonly ConcurrentDictionary<string, bool> _remote = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (CameraId Camera, string Stream, HlsSegment Segment)> _listedOnly = new(StringComparer.Ordinal);

    public void MarkRemote(IEnumerable<string> segmentKeys)
    {
        foreach (var key in segmentKeys)
        {
            _remote[key] = true;
        }
    }

    /// <summary>Lists a segment the shared recordings do not have (it is on another node's disk only).</summary>
    public void AddRemote(CameraId camera, string stream, HlsSegment segment)
    {
        _listedOnly[segment.Key] = (camera, stream, segment);
        _remote[segment.Key] = true;
    }

    public async Task<IReadOnlyList<HlsSegment>> GetSegmentsAsync(CameraId camera, string stream, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var listed = await shared.GetSegmentsAsync(camera, stream, from, to, cancellationToken);
        var extra = _listedOnly.Values.Where(e => e.Camera == camera && e.Stream == stream && e.Segment.Start < to && e.Segment.Start >= from).Select(e => e.Segment);
        return [.. listed.Concat(extra).OrderBy(s => s.Start)];
    }

    public LiveWindow? GetLive(CameraId camera, string stream) => null;

    public ChunkFile? ResolveChunkFile(CameraId camera, string stream, string segmentKey) =>
        _remote.ContainsKey(segmentKey) ? null : shared.ResolveChunkFile(camera, stream, segmentKey);

    public Task<TimelineResult> GetTimelineAsync(CameraId camera, string stream, TimeRange window, CancellationToken cancellationToken) =>
        shared.GetTimelineAsync(camera, stream, window, cancellationToken);

    public Task<ChunkRange?> GetLatestKeyframeAsync(CameraId camera, string stream, CancellationToken cancellationToken) =>
        Task.FromResult<ChunkRange?>(null);
}
