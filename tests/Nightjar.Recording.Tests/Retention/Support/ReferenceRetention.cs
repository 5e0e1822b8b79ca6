using Nightjar.Recording.Events;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Retention;

namespace Nightjar.Recording.Tests.Retention.Support;

/// <summary>
/// The oracle: the retention rules written out as plain loops over every segment in memory, deliberately sharing no
/// code with the planner (no merged ranges, no paged walks, no early exits beyond the rules' own).
/// </summary>
internal static class ReferenceRetention
{
    public sealed record Segment(string Camera, string Path, DateTimeOffset Start, DateTimeOffset End, long Bytes);

    public sealed record Policy(DepthLimit Depth, DepthLimit? MotionDepth, long? Space, TimeSpan Pre, TimeSpan Post);

    public sealed record Deletion(Segment Segment, SegmentDeletionReason Reason);

    public static List<Deletion> Decide(
        DateTimeOffset now,
        List<Segment> segments,
        Func<string, Policy> policyOf,
        ProtectionSnapshot protection,
        Func<string, bool> pinned,
        long limit,
        long freeBytes,
        long minFree,
        int maxDeletions,
        TimeSpan maxMotion)
    {
        var ordered = segments.OrderBy(s => s.Start).ToList();
        var plan = Run(now, ordered, policyOf, protection, pinned, limit, freeBytes, minFree, maxDeletions, maxMotion, emergencyOnly: false);
        long total = ordered.Sum(s => s.Bytes);
        long ordinary = plan.Where(d => d.Reason != SegmentDeletionReason.Emergency).Sum(d => d.Segment.Bytes);
        if (ordered.Count >= 20 && ordinary * 2 > total)
        {
            return Run(now, ordered, policyOf, protection, pinned, limit, freeBytes, minFree, maxDeletions, maxMotion, emergencyOnly: true);
        }

        return plan;
    }

    private static List<Deletion> Run(
        DateTimeOffset now,
        List<Segment> ordered,
        Func<string, Policy> policyOf,
        ProtectionSnapshot protection,
        Func<string, bool> pinned,
        long limit,
        long free,
        long minFree,
        int maxDeletions,
        TimeSpan maxMotion,
        bool emergencyOnly)
    {
        var deleted = new List<Deletion>();
        var gone = new HashSet<string>();
        bool Room() => deleted.Count < maxDeletions;
        long CameraBytes(string camera) => ordered.Where(s => s.Camera == camera && !gone.Contains(s.Path)).Sum(s => s.Bytes);
        long RootBytes() => ordered.Where(s => !gone.Contains(s.Path)).Sum(s => s.Bytes);
        void Delete(Segment s, SegmentDeletionReason reason)
        {
            deleted.Add(new Deletion(s, reason));
            gone.Add(s.Path);
            free += s.Bytes;
        }

        bool Candidate(Segment s) => !gone.Contains(s.Path) && !pinned(s.Path);
        bool Motion(Segment s) => IsMotion(s, policyOf(s.Camera), protection, now, maxMotion);
        bool Locked(Segment s) => IsLocked(s, protection, now);

        if (!emergencyOnly)
        {
            foreach (var s in ordered)
            {
                var depth = policyOf(s.Camera).Depth;
                if (Room() && Candidate(s) && !depth.IsUnlimited && s.End + depth.Duration!.Value <= now && !Motion(s) && !Locked(s))
                {
                    Delete(s, SegmentDeletionReason.Expired);
                }
            }

            foreach (var motionStep in new[] { false, true })
            {
                bool Eligible(Segment s) => Candidate(s) && !Locked(s) && Motion(s) == motionStep;
                var cameraBytes = ordered.Select(s => s.Camera).Distinct().ToDictionary(c => c, CameraBytes);
                foreach (var s in ordered)
                {
                    var space = policyOf(s.Camera).Space;
                    if (Room() && space is not null && cameraBytes[s.Camera] > space && Eligible(s))
                    {
                        Delete(s, SegmentDeletionReason.CameraSpace);
                        cameraBytes[s.Camera] -= s.Bytes;
                    }
                }

                var rootBytes = RootBytes();
                foreach (var s in ordered)
                {
                    if (Room() && rootBytes > limit && Eligible(s))
                    {
                        Delete(s, SegmentDeletionReason.RootLimit);
                        rootBytes -= s.Bytes;
                    }
                }
            }
        }

        foreach (var level in new[] { 0, 1, 2 })
        {
            foreach (var s in ordered)
            {
                var kind = Locked(s) ? 2 : Motion(s) ? 1 : 0;
                if (Room() && free < minFree && Candidate(s) && kind == level)
                {
                    Delete(s, SegmentDeletionReason.Emergency);
                }
            }
        }

        return deleted;
    }

    private static bool IsMotion(Segment s, Policy policy, ProtectionSnapshot protection, DateTimeOffset now, TimeSpan maxMotion)
    {
        if (policy.MotionDepth is not { } motionDepth)
        {
            return false;
        }

        foreach (var w in protection.For(new Nightjar.Recording.Cameras.CameraId(s.Camera)).Motion)
        {
            var end = w.End ?? (now - w.Start > maxMotion ? w.Start + maxMotion : now);
            var from = w.Start - policy.Pre;
            var to = end + policy.Post;
            var overlaps = s.Start <= to && s.End > from;
            var alive = policy.Depth.IsUnlimited || motionDepth.IsUnlimited || now < to + policy.Depth.Duration!.Value + motionDepth.Duration!.Value;
            if (overlaps && alive)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLocked(Segment s, ProtectionSnapshot protection, DateTimeOffset now) =>
        protection.For(new Nightjar.Recording.Cameras.CameraId(s.Camera)).Locks.Any(l => (l.Until is null || l.Until > now) && s.Start < l.To && s.End > l.From);
}
