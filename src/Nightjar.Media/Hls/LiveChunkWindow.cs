using Nightjar.Media.Ts;

namespace Nightjar.Media.Hls;

/// <summary>
/// The sliding window of the newest complete chunks of a live stream, with the numbering HLS
/// needs: each chunk keeps its media sequence number for as long as it is listed, and the
/// discontinuity sequence counts run changes and gaps. The owner (one actor) appends each GOP the
/// indexer completes and publishes <see cref="Chunks"/> (an immutable snapshot) to readers.
/// </summary>
/// <remarks>
/// Numbering starts from the first chunk's wall time in tenths of a second, and then counts
/// chunks. A window created again after a restart therefore continues above the old numbers as
/// long as GOPs are at least 100 ms long, so players never see the sequence go backwards.
/// </remarks>
public sealed class LiveChunkWindow
{
    private readonly int _capacity;
    private readonly long _gapTicks;
    private readonly Queue<HlsLiveChunk> _chunks;
    private HlsLiveChunk? _last;

    /// <param name="capacity">Chunks kept (and listed): media.md 7.3 asks for the last 6.</param>
    /// <param name="gapTolerance">A hole longer than this between chunks is a discontinuity.</param>
    public LiveChunkWindow(int capacity = 6, TimeSpan? gapTolerance = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _gapTicks = (gapTolerance ?? TimeSpan.FromMilliseconds(500)).Ticks;
        _chunks = new Queue<HlsLiveChunk>(capacity + 1);
    }

    /// <summary>The current window, oldest first; a new list after every append.</summary>
    public IReadOnlyList<HlsLiveChunk> Chunks { get; private set; } = [];

    /// <summary>Adds the newest complete chunk.</summary>
    public HlsLiveChunk Append(string segmentKey, string runId, DateTimeOffset start, GopEntry chunk)
    {
        ArgumentException.ThrowIfNullOrEmpty(segmentKey);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        HlsLiveChunk entry;
        if (_last is null)
        {
            var seed = start.ToUnixTimeMilliseconds() / 100;
            entry = new HlsLiveChunk(seed, seed, false, segmentKey, runId, start, chunk);
        }
        else
        {
            var previousEnd = _last.Start + _last.Chunk.DurationTime;
            var discontinuity = !string.Equals(_last.RunId, runId, StringComparison.Ordinal)
                || Math.Abs((start - previousEnd).Ticks) > _gapTicks;
            entry = new HlsLiveChunk(
                _last.Sequence + 1,
                _last.DiscontinuitySequence + (discontinuity ? 1 : 0),
                discontinuity,
                segmentKey,
                runId,
                start,
                chunk);
        }

        _last = entry;
        _chunks.Enqueue(entry);
        while (_chunks.Count > _capacity)
        {
            _chunks.Dequeue();
        }

        Chunks = [.. _chunks];
        return entry;
    }
}
