using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Timeline;

namespace Nightjar.Benchmarks.Playback;

/// <summary>An in-memory index of one stream: what the playlist endpoint reads, with no files behind it.</summary>
internal sealed class BenchRecordingArchive(IReadOnlyList<HlsSegment> segments) : IRecordingArchive
{
    public Task<IReadOnlyList<HlsSegment>> GetSegmentsAsync(CameraId camera, string stream, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // The segments are in time order: the engine answers from an index, so a binary search stands in for it.
        var first = LowerBound(from.AddMinutes(-2));
        var result = new List<HlsSegment>();
        for (var i = first; i < segments.Count && segments[i].Start < to; i++)
        {
            result.Add(segments[i]);
        }

        return Task.FromResult<IReadOnlyList<HlsSegment>>(result);
    }

    public LiveWindow? GetLive(CameraId camera, string stream) => null;

    public ChunkFile? ResolveChunkFile(CameraId camera, string stream, string segmentKey) => null;

    public Task<TimelineResult> GetTimelineAsync(CameraId camera, string stream, TimeRange window, CancellationToken cancellationToken) =>
        Task.FromResult(RecordingTimeline.Compute([], window));

    public Task<ChunkRange?> GetLatestKeyframeAsync(CameraId camera, string stream, CancellationToken cancellationToken) =>
        Task.FromResult<ChunkRange?>(null);

    private int LowerBound(DateTimeOffset time)
    {
        int low = 0, high = segments.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (segments[middle].Start < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
