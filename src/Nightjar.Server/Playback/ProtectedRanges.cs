using Nightjar.Recording.Policies;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Timeline;

namespace Nightjar.Server.Playback;

/// <summary>The motion and locked ranges of a timeline window, as retention sees them.</summary>
internal static class ProtectedRanges
{
    /// <summary>
    /// <c>[start - preAlarm, end + postAlarm)</c> of each window (an open one ends now), clipped to
    /// <paramref name="window"/>, sorted, overlapping and touching ranges merged.
    /// </summary>
    public static IReadOnlyList<RecordedRangeResponse> Motion(IReadOnlyList<MotionWindow> windows, DvrPolicy policy, TimeRange window, DateTimeOffset now)
    {
        var ranges = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var motion in windows.OrderBy(w => w.Start))
        {
            var from = Max(motion.Start - policy.PreAlarm, window.Start);
            var to = Min((motion.End ?? Max(now, motion.Start)) + policy.PostAlarm, window.End);
            if (to <= from)
            {
                continue;
            }

            if (ranges.Count > 0 && from <= ranges[^1].To)
            {
                ranges[^1] = (ranges[^1].From, Max(ranges[^1].To, to));
            }
            else
            {
                ranges.Add((from, to));
            }
        }

        return [.. ranges.Select(r => new RecordedRangeResponse(r.From.UtcDateTime, r.To.UtcDateTime))];
    }

    /// <summary>Locks in force at <paramref name="now"/>, clipped to <paramref name="window"/>, ordered by start.</summary>
    public static IReadOnlyList<LockedRangeResponse> Locked(IReadOnlyList<EvidenceLock> locks, TimeRange window, DateTimeOffset now) =>
    [
        .. locks
            .Where(l => l.IsInForce(now) && l.From < window.End && l.To > window.Start)
            .OrderBy(l => l.From)
            .Select(l => new LockedRangeResponse(Max(l.From, window.Start).UtcDateTime, Min(l.To, window.End).UtcDateTime, l.LockId, l.Until?.UtcDateTime)),
    ];

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
