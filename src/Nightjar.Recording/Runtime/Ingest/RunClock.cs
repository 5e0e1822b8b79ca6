using Nightjar.Media.Ts;

namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>
/// Wall-clock time of one ingest run (media.md 7.1, Indexer): anchored at the receipt time of the run's first keyframe,
/// later frames at <c>anchor + (pts - pts0) / 90 kHz</c>. PTS are put on one continuous scale across the run's files
/// (the 33-bit clock wraps every 26.5 h and each file's indexer unwraps only within the file), and the anchor moves
/// when media time drifts from receipt time by more than <see cref="MaxDrift"/> (a camera clock running fast or
/// slow), so long runs stay on wall time. Not thread-safe.
/// </summary>
internal sealed class RunClock
{
    /// <summary>Drift between media time and receipt time tolerated before re-anchoring (Moonfire's bound).</summary>
    public static readonly TimeSpan MaxDrift = TimeSpan.FromSeconds(1);

    private const long Wrap = 1L << 33;

    private long _pts0;
    private long _wrapOffset;
    private long _lastPts = long.MinValue;

    public bool IsAnchored { get; private set; }

    public DateTimeOffset Anchor { get; private set; }

    /// <summary>
    /// The offset that puts a new file's PTS (as its indexer reports them) on the run's scale: a file that starts far
    /// below where the previous one got to has crossed a wrap. Call once per file, in file order.
    /// </summary>
    public long BeginFile(long firstPts)
    {
        if (_lastPts != long.MinValue && firstPts + _wrapOffset < _lastPts - (Wrap / 2))
        {
            _wrapOffset += Wrap;
        }

        Observe(firstPts + _wrapOffset);
        return _wrapOffset;
    }

    /// <summary>Notes the newest PTS seen (on the run's scale).</summary>
    public void Observe(long pts) => _lastPts = Math.Max(_lastPts, pts);

    /// <summary>Anchors the run: <paramref name="pts"/> (run scale) was received at <paramref name="receivedAt"/>.</summary>
    public void AnchorAt(long pts, DateTimeOffset receivedAt)
    {
        _pts0 = pts;
        Anchor = receivedAt;
        IsAnchored = true;
    }

    /// <summary>Wall time of a PTS on the run's scale.</summary>
    public DateTimeOffset WallTime(long pts)
    {
        if (!IsAnchored)
        {
            throw new InvalidOperationException("The run clock is not anchored yet.");
        }

        return Anchor + GopEntry.FromClock(pts - _pts0);
    }

    /// <summary>
    /// Compares media time with receipt time: <paramref name="latestPts"/> (run scale, the end of the newest frame
    /// written) arrived about <paramref name="now"/>. Beyond <see cref="MaxDrift"/> the anchor moves by the drift,
    /// which is returned; otherwise null. Call at file boundaries, so times within a file stay continuous.
    /// </summary>
    public TimeSpan? Reanchor(long latestPts, DateTimeOffset now)
    {
        if (!IsAnchored)
        {
            return null;
        }

        var drift = now - WallTime(latestPts);
        if (drift.Duration() <= MaxDrift)
        {
            return null;
        }

        Anchor += drift;
        return drift;
    }
}
