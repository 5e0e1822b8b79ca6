using System.Collections.Concurrent;
using Nightjar.Media.Hls;
using Nightjar.Media.Segments;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Timeline;

namespace Nightjar.Server.Tests.Playback;

/// <summary>
/// A hand-written <see cref="IRecordingArchive"/> over real TS files indexed by Media's TsIndexer: the contract as
/// the recording engine keeps it (segments in time order, opaque URL-safe keys, files only inside the root).
/// </summary>
internal sealed class FakeRecordingArchive(string root) : IRecordingArchive
{
    private readonly SafePathResolver _paths = new(root);
    private readonly ConcurrentDictionary<string, StreamRecording> _streams = new(StringComparer.Ordinal);

    public string Root => _paths.Root;

    /// <summary>Times each method was called (tests check what was asked of the index).</summary>
    public int SegmentQueries;

    public void Add(CameraId camera, string stream, StreamRecording recording) => _streams[Key(camera, stream)] = recording;

    public StreamRecording Get(CameraId camera, string stream) => _streams[Key(camera, stream)];

    public Task<IReadOnlyList<HlsSegment>> GetSegmentsAsync(CameraId camera, string stream, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref SegmentQueries);
        IReadOnlyList<HlsSegment> found = _streams.TryGetValue(Key(camera, stream), out var recording)
            ? [.. recording.Files.Where(f => f.Segment.Start < to && f.End > from).Select(f => f.Segment)]
            : [];
        return Task.FromResult(found);
    }

    public LiveWindow? GetLive(CameraId camera, string stream)
    {
        if (!_streams.TryGetValue(Key(camera, stream), out var recording) || !recording.Live)
        {
            return null;
        }

        var window = new LiveChunkWindow(capacity: recording.LiveCapacity);
        foreach (var file in recording.Files)
        {
            foreach (var chunk in file.Segment.Chunks)
            {
                window.Append(file.Segment.Key, file.Segment.RunId, file.Segment.ChunkStart(chunk), chunk);
            }
        }

        return new LiveWindow(window.Chunks, TargetDurationSeconds: 2);
    }

    public ChunkFile? ResolveChunkFile(CameraId camera, string stream, string segmentKey)
    {
        if (!_streams.TryGetValue(Key(camera, stream), out var recording)
            || recording.Files.FirstOrDefault(f => string.Equals(f.Segment.Key, segmentKey, StringComparison.Ordinal)) is not { } file)
        {
            return null;
        }

        return new ChunkFile(_paths.Resolve(file.RelativePath), file.Closed);
    }

    public Task<TimelineResult> GetTimelineAsync(CameraId camera, string stream, TimeRange window, CancellationToken cancellationToken)
    {
        var ranges = _streams.TryGetValue(Key(camera, stream), out var recording)
            ? recording.Files.Select(f => new TimeRange(f.Segment.Start, f.End))
            : [];
        return Task.FromResult(RecordingTimeline.Compute(ranges, window));
    }

    public Task<ChunkRange?> GetLatestKeyframeAsync(CameraId camera, string stream, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue(Key(camera, stream), out var recording) || recording.Files.Count == 0)
        {
            return Task.FromResult<ChunkRange?>(null);
        }

        var file = recording.Files[^(1 + recording.LatestFromEnd)];
        var chunk = file.Segment.Chunks[^1];
        return Task.FromResult<ChunkRange?>(new ChunkRange(_paths.Resolve(file.RelativePath), chunk.Offset, chunk.Length, file.Segment.ChunkStart(chunk)));
    }

    private static string Key(CameraId camera, string stream) => camera.Value + "/" + stream;
}
