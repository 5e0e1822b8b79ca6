namespace Nightjar.Recording.Retention;

/// <summary>
/// One camera's protection at one moment as sorted, disjoint time ranges: the motion windows still inside their
/// motion depth (with pre- and post-alarm margins) and the locks in force, each merged, so a segment is classified
/// with two binary searches however many windows there are.
/// </summary>
internal sealed class ProtectedRanges
{
    private readonly (DateTimeOffset From, DateTimeOffset To)[] _motion;
    private readonly (DateTimeOffset From, DateTimeOffset To)[] _locks;

    private ProtectedRanges((DateTimeOffset, DateTimeOffset)[] motion, (DateTimeOffset, DateTimeOffset)[] locks)
    {
        _motion = motion;
        _locks = locks;
    }

    public static ProtectedRanges Build(CameraProtection protection, CameraRetentionPolicy policy, DateTimeOffset now, TimeSpan maxMotionLength)
    {
        var motion = new List<(DateTimeOffset, DateTimeOffset)>();
        if (policy.MotionDepth is not null)
        {
            var keep = policy.MotionKeep;
            foreach (var window in protection.Motion)
            {
                var end = MotionEnd(window, now, maxMotionLength);
                var to = end + policy.PostAlarm;
                if (keep is null || now < to + keep.Value)
                {
                    motion.Add((window.Start - policy.PreAlarm, to));
                }
            }
        }

        var locks = new List<(DateTimeOffset, DateTimeOffset)>();
        foreach (var evidence in protection.Locks)
        {
            if (evidence.IsInForce(now) && evidence.To > evidence.From)
            {
                locks.Add((evidence.From, evidence.To));
            }
        }

        return new ProtectedRanges(Merge(motion), Merge(locks));
    }

    /// <summary>Where a motion window ends for retention: its end, now while open, but at most start plus the maximum length.</summary>
    public static DateTimeOffset MotionEnd(MotionWindow window, DateTimeOffset now, TimeSpan maxMotionLength)
    {
        if (window.End is { } end)
        {
            return end;
        }

        var longest = window.Start + maxMotionLength;
        return now < longest ? now : longest;
    }

    /// <summary>The segment [start, end) overlaps a motion range [from, to] (closed: the margins include their ends).</summary>
    public bool OverlapsMotion(DateTimeOffset start, DateTimeOffset end)
    {
        var i = FirstEndingAtOrAfter(_motion, start, inclusive: true);
        return i < _motion.Length && _motion[i].From < end;
    }

    /// <summary>The segment [start, end) overlaps a lock [from, to).</summary>
    public bool OverlapsLock(DateTimeOffset start, DateTimeOffset end)
    {
        var i = FirstEndingAtOrAfter(_locks, start, inclusive: false);
        return i < _locks.Length && _locks[i].From < end;
    }

    /// <summary>
    /// Half-open spans covering every protected range (motion and locks together), sorted and disjoint: what to ask the
    /// index for when counting protected bytes.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Spans() =>
        Merge([.. _motion.Select(m => (m.From, m.To.AddTicks(1))), .. _locks]);

    /// <summary>Sorted by start, overlapping or touching ranges joined.</summary>
    private static (DateTimeOffset From, DateTimeOffset To)[] Merge(List<(DateTimeOffset From, DateTimeOffset To)> ranges)
    {
        ranges.Sort((a, b) => a.From.CompareTo(b.From));
        var merged = new List<(DateTimeOffset From, DateTimeOffset To)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.From <= merged[^1].To)
            {
                if (range.To > merged[^1].To)
                {
                    merged[^1] = (merged[^1].From, range.To);
                }
            }
            else
            {
                merged.Add(range);
            }
        }

        return [.. merged];
    }

    /// <summary>Index of the first range whose end is at or after (inclusive) or after (exclusive) <paramref name="time"/>.</summary>
    private static int FirstEndingAtOrAfter((DateTimeOffset From, DateTimeOffset To)[] ranges, DateTimeOffset time, bool inclusive)
    {
        int low = 0, high = ranges.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var reaches = inclusive ? ranges[middle].To >= time : ranges[middle].To > time;
            if (reaches)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
