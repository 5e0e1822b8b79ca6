using System.Collections.Immutable;

namespace Nightjar.Recording.Timeline;

/// <summary>
/// Recorded ranges and gaps from segment times: the data behind <c>recording_status.json</c>, the
/// <c>/recordings?from=&amp;to=</c> API and the timeline in the UI.
/// </summary>
/// <remarks>
/// Segment files of one run do not touch exactly: ffmpeg closes one and opens the next a few milliseconds apart.
/// Holes shorter than the tolerance (default <see cref="DefaultTolerance"/>) are therefore bridged, also between a
/// window edge and the first or last range, so a timeline is not shattered into a range per minute. Holes of at
/// least the tolerance are gaps. Segments outside the window, empty ones and overlaps are handled; the input need
/// not be sorted. The current, still open, segment is not an input unless the caller adds it (it has no
/// <c>SegmentRecorded</c> yet), so a window ending now usually ends in a short gap.
/// </remarks>
public static class RecordingTimeline
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(2);

    /// <summary>Recorded ranges and gaps of <paramref name="segments"/> within <paramref name="window"/>.</summary>
    /// <param name="segments">Times of segments, in any order.</param>
    /// <param name="window">The period asked about; every output lies inside it.</param>
    /// <param name="tolerance">Holes shorter than this are bridged; <see cref="TimeSpan.Zero"/> bridges none.</param>
    public static TimelineResult Compute(IEnumerable<TimeRange> segments, TimeRange window, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);

        var clipped = new List<TimeRange>();
        foreach (var segment in segments)
        {
            var start = segment.Start > window.Start ? segment.Start : window.Start;
            var end = segment.End < window.End ? segment.End : window.End;
            if (end > start)
            {
                clipped.Add(new TimeRange(start, end));
            }
        }

        clipped.Sort((a, b) => a.Start.CompareTo(b.Start));
        var recorded = ImmutableArray.CreateBuilder<TimeRange>();
        foreach (var range in Merge(clipped, tolerance))
        {
            recorded.Add(range);
        }

        BridgeEdges(recorded, window, tolerance);
        return new TimelineResult(window, recorded.ToImmutable(), Complement(recorded, window));
    }

    /// <inheritdoc cref="Compute(IEnumerable{TimeRange}, TimeRange, TimeSpan)"/>
    public static TimelineResult Compute(IEnumerable<TimeRange> segments, TimeRange window) =>
        Compute(segments, window, DefaultTolerance);

    /// <summary>Sorted input merged where ranges overlap, touch, or are closer than <paramref name="tolerance"/>.</summary>
    private static IEnumerable<TimeRange> Merge(List<TimeRange> sorted, TimeSpan tolerance)
    {
        if (sorted.Count == 0)
        {
            yield break;
        }

        var current = sorted[0];
        for (var i = 1; i < sorted.Count; i++)
        {
            var next = sorted[i];
            var hole = next.Start - current.End;
            if (hole <= TimeSpan.Zero || hole < tolerance)
            {
                current = new TimeRange(current.Start, next.End > current.End ? next.End : current.End);
            }
            else
            {
                yield return current;
                current = next;
            }
        }

        yield return current;
    }

    private static void BridgeEdges(ImmutableArray<TimeRange>.Builder recorded, TimeRange window, TimeSpan tolerance)
    {
        if (recorded.Count == 0)
        {
            return;
        }

        if (recorded[0].Start - window.Start < tolerance)
        {
            recorded[0] = new TimeRange(window.Start, recorded[0].End);
        }

        if (window.End - recorded[^1].End < tolerance)
        {
            recorded[^1] = new TimeRange(recorded[^1].Start, window.End);
        }
    }

    private static ImmutableArray<TimeRange> Complement(IReadOnlyList<TimeRange> recorded, TimeRange window)
    {
        var gaps = ImmutableArray.CreateBuilder<TimeRange>();
        var cursor = window.Start;
        foreach (var range in recorded)
        {
            if (range.Start > cursor)
            {
                gaps.Add(new TimeRange(cursor, range.Start));
            }

            cursor = range.End;
        }

        if (window.End > cursor)
        {
            gaps.Add(new TimeRange(cursor, window.End));
        }

        return gaps.ToImmutable();
    }
}
