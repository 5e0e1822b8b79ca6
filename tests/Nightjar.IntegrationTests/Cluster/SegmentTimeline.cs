namespace Nightjar.IntegrationTests.Cluster;

/// <summary>The arithmetic of one camera's catalog timeline across nodes: handoff gaps and writers that overlap.</summary>
internal static class SegmentTimeline
{
    /// <summary>
    /// The handoff of a camera away from <paramref name="from"/> around <paramref name="at"/>: the last segment on
    /// <paramref name="from"/> that started before <paramref name="at"/>, and the first segment on any other node that
    /// starts after that one began. Null parts when there is none (yet).
    /// </summary>
    public static (ClusterSegment? Last, ClusterSegment? First) Handoff(IReadOnlyList<ClusterSegment> segments, string from, DateTimeOffset at)
    {
        var last = segments.Where(s => s.Node == from && s.Start < at).MaxBy(s => s.End);
        var first = last is null
            ? segments.Where(s => s.Node != from && s.Start >= at).MinBy(s => s.Start)
            : segments.Where(s => s.Node != from && s.Start > last.Start).MinBy(s => s.Start);
        return (last, first);
    }

    /// <summary>
    /// Pairs of segments of one camera held by different storage roots whose ranges intersect by more than
    /// <paramref name="tolerance"/>: two authoritative writers at the same instant.
    /// </summary>
    public static IReadOnlyList<(ClusterSegment A, ClusterSegment B)> CrossRootOverlaps(IReadOnlyList<ClusterSegment> segments, TimeSpan tolerance)
    {
        var overlaps = new List<(ClusterSegment, ClusterSegment)>();
        var ordered = segments.OrderBy(s => s.Start).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count && ordered[j].Start < ordered[i].End; j++)
            {
                var a = ordered[i];
                var b = ordered[j];
                var overlap = (a.End < b.End ? a.End : b.End) - b.Start;
                if (!string.Equals(a.StorageRoot, b.StorageRoot, StringComparison.Ordinal) && overlap > tolerance)
                {
                    overlaps.Add((a, b));
                }
            }
        }

        return overlaps;
    }
}
