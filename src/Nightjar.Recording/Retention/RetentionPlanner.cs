using System.Globalization;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Retention;

/// <summary>
/// Decides which segments one pass deletes from one storage root. Pure and deterministic: it reads only its input and
/// the root's segments (walked oldest first, several times, each walk stopping as soon as its goal is met).
/// </summary>
/// <remarks>
/// <para>Rules, for a segment <c>[Start, End)</c> of a camera with policy (depth, motionDepth, space, preAlarm, postAlarm):</para>
/// <list type="bullet">
/// <item>EXPIRED when <c>End + depth &lt;= now</c>; an unlimited depth never expires.</item>
/// <item>MOTION-PROTECTED when it overlaps <c>[w.Start - preAlarm, wEnd + postAlarm]</c> of a motion window w (it
/// overlaps when <c>Start &lt;= wEnd + postAlarm</c> and <c>End &gt; w.Start - preAlarm</c>) and
/// <c>now &lt; wEnd + postAlarm + depth + motionDepth</c>. wEnd is the window's end; for an open window, now, but at most
/// <c>w.Start + MaxMotionLength</c>. A null motionDepth protects nothing; an unlimited motionDepth (or depth) protects
/// until space runs out.</item>
/// <item>LOCKED when it overlaps <c>[From, To)</c> of a lock in force (<c>Until</c> null or after now).</item>
/// <item>PINNED paths (an export reading them) are never deleted. The segment being written is not in the index, so
/// it is never considered.</item>
/// </list>
/// <para>Order, each step oldest start first (ties by id), every deletion lowering the camera's and root's usage and
/// raising free space by its recorded bytes:</para>
/// <list type="number">
/// <item>Expired and neither motion-protected nor locked: <see cref="SegmentDeletionReason.Expired"/>.</item>
/// <item>While a camera is over its space: its unprotected segments, <see cref="SegmentDeletionReason.CameraSpace"/>;
/// then while the root is over its limit: the root's unprotected segments, <see cref="SegmentDeletionReason.RootLimit"/>.</item>
/// <item>Only if still over: the same with motion-protected segments that are not locked (protection <c>motion</c>).</item>
/// <item>When free space is below <c>MinFreeBytes</c>: unprotected, then motion-protected segments until free space is back
/// to the emergency target (the low-water mark), then locked segments only while free space is still below
/// <c>MinFreeBytes</c>; reason <see cref="SegmentDeletionReason.Emergency"/> (protection none, motion, lock).</item>
/// </list>
/// <para>At most <c>MaxDeletions</c> deletions per pass. Guard: when the root holds at least
/// <see cref="HalfRuleMinimumSegments"/> segments and the non-emergency deletions would remove more than half of its
/// recorded bytes, the pass is refused: only the emergency step runs, alone (refusing it would stop recording).</para>
/// </remarks>
internal static class RetentionPlanner
{
    /// <summary>Below this many segments a root may lose more than half at once (a young archive).</summary>
    public const int HalfRuleMinimumSegments = 20;

    private static readonly SegmentProtection[] EmergencyOrder = [SegmentProtection.None, SegmentProtection.Motion, SegmentProtection.Lock];

    public static async Task<RetentionPlan> PlanAsync(RetentionPlanInput input, IRetentionSegments segments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(segments);
        var plan = await new Pass(input, segments).RunAsync(emergencyOnly: false, cancellationToken);
        var ordinary = plan.Deletions.Where(d => d.Reason != SegmentDeletionReason.Emergency).Sum(d => d.Segment.Bytes);
        if (input.RootSegments < HalfRuleMinimumSegments || ordinary * 2 <= input.RootBytes)
        {
            return plan;
        }

        var emergency = await new Pass(input, segments).RunAsync(emergencyOnly: true, cancellationToken);
        var refusal = string.Create(
            CultureInfo.InvariantCulture,
            $"the pass would remove {ordinary} of the root's {input.RootBytes} recorded bytes (more than half) at once");
        return emergency with { Refusal = refusal };
    }

    /// <summary>The classification the rules give a segment (see the class remarks).</summary>
    internal static SegmentClass Classify(CatalogSegment segment, CameraRetentionPolicy policy, ProtectedRanges ranges, DateTimeOffset now) =>
        new(
            policy.Depth.Duration is { } depth && segment.End + depth <= now,
            ranges.OverlapsMotion(segment.Start, segment.End),
            ranges.OverlapsLock(segment.Start, segment.End));

    private sealed class Pass(RetentionPlanInput input, IRetentionSegments segments)
    {
        private readonly Dictionary<string, ProtectedRanges> _ranges = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _cameraBytes = new(input.CameraBytes, StringComparer.Ordinal);
        private readonly HashSet<long> _chosen = [];
        private readonly List<PlannedDeletion> _deletions = [];
        private long _rootBytes = input.RootBytes;
        private long _free = input.FreeBytes;

        private bool Full => _deletions.Count >= input.MaxDeletions;

        private bool DiskLow => _free < input.MinFreeBytes;

        public async Task<RetentionPlan> RunAsync(bool emergencyOnly, CancellationToken cancellationToken)
        {
            if (!emergencyOnly)
            {
                await ExpiredAsync(cancellationToken);
                await OverAsync(motion: false, cancellationToken);
                await OverAsync(motion: true, cancellationToken);
            }

            await EmergencyAsync(cancellationToken);
            return new RetentionPlan(_deletions, null, Full, DiskLow && !Full);
        }

        private async Task ExpiredAsync(CancellationToken cancellationToken)
        {
            // Nothing ends before now minus the shortest depth can be expired: the walk stays among old segments.
            TimeSpan? shortest = null;
            foreach (var policy in input.Policies.Values.Append(input.RemovedCameraPolicy))
            {
                if (policy.Depth.Duration is { } depth && (shortest is null || depth < shortest))
                {
                    shortest = depth;
                }
            }

            if (shortest is not { } bound || Full)
            {
                return;
            }

            await foreach (var segment in segments.OldestAsync(null, input.Now - bound, cancellationToken))
            {
                var kind = ClassOf(segment);
                if (kind is { Expired: true, Unprotected: true } && IsFree(segment))
                {
                    Delete(segment, SegmentDeletionReason.Expired, SegmentProtection.None);
                    if (Full)
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>Step 2 (unprotected) or 3 (motion-protected, not locked): cameras over their space, then the root over its limit.</summary>
        private async Task OverAsync(bool motion, CancellationToken cancellationToken)
        {
            if (!Full && CamerasOverSpace() > 0)
            {
                await foreach (var segment in segments.OldestAsync(null, null, cancellationToken))
                {
                    var cap = input.PolicyOf(segment).SpaceBytes;
                    if (cap is { } space && _cameraBytes.GetValueOrDefault(segment.Source) > space && Eligible(segment, motion))
                    {
                        Delete(segment, SegmentDeletionReason.CameraSpace, motion ? SegmentProtection.Motion : SegmentProtection.None);
                        if (Full || CamerasOverSpace() == 0)
                        {
                            break;
                        }
                    }
                }
            }

            if (Full || input.LimitBytes is not { } limit || _rootBytes <= limit)
            {
                return;
            }

            await foreach (var segment in segments.OldestAsync(null, null, cancellationToken))
            {
                if (Eligible(segment, motion))
                {
                    Delete(segment, SegmentDeletionReason.RootLimit, motion ? SegmentProtection.Motion : SegmentProtection.None);
                    if (Full || _rootBytes <= limit)
                    {
                        return;
                    }
                }
            }
        }

        private async Task EmergencyAsync(CancellationToken cancellationToken)
        {
            if (!DiskLow)
            {
                return;
            }

            foreach (var protection in EmergencyOrder)
            {
                // Locks go only to keep the disk from filling; the others refill to the target, for headroom.
                var target = protection == SegmentProtection.Lock ? input.MinFreeBytes : input.EmergencyTarget;
                if (Full || _free >= target)
                {
                    continue;
                }

                await foreach (var segment in segments.OldestAsync(null, null, cancellationToken))
                {
                    if (!IsFree(segment))
                    {
                        continue;
                    }

                    var kind = ClassOf(segment);
                    var level = kind.Locked ? SegmentProtection.Lock : kind.Motion ? SegmentProtection.Motion : SegmentProtection.None;
                    if (level == protection)
                    {
                        Delete(segment, SegmentDeletionReason.Emergency, protection);
                        if (Full || _free >= target)
                        {
                            break;
                        }
                    }
                }
            }
        }

        private int CamerasOverSpace()
        {
            var over = 0;
            foreach (var (source, bytes) in _cameraBytes)
            {
                if ((input.Policies.GetValueOrDefault(source) ?? input.RemovedCameraPolicy).SpaceBytes is { } space && bytes > space)
                {
                    over++;
                }
            }

            return over;
        }

        private bool Eligible(CatalogSegment segment, bool motion)
        {
            if (!IsFree(segment))
            {
                return false;
            }

            var kind = ClassOf(segment);
            return motion ? kind is { Motion: true, Locked: false } : kind.Unprotected;
        }

        /// <summary>Neither chosen already nor pinned.</summary>
        private bool IsFree(CatalogSegment segment) => !_chosen.Contains(segment.Id) && !input.IsPinned(segment.Path);

        private SegmentClass ClassOf(CatalogSegment segment)
        {
            var policy = input.PolicyOf(segment);
            if (!_ranges.TryGetValue(segment.Source, out var ranges))
            {
                var protection = Cameras.CameraId.TryParse(segment.Source, out var camera, out _)
                    ? input.Protection.For(camera)
                    : CameraProtection.None(default);
                ranges = ProtectedRanges.Build(protection, policy, input.Now, input.MaxMotionLength);
                _ranges.Add(segment.Source, ranges);
            }

            return Classify(segment, policy, ranges, input.Now);
        }

        private void Delete(CatalogSegment segment, SegmentDeletionReason reason, SegmentProtection protection)
        {
            _chosen.Add(segment.Id);
            _deletions.Add(new PlannedDeletion(segment, reason, protection));
            if (_cameraBytes.TryGetValue(segment.Source, out var bytes))
            {
                _cameraBytes[segment.Source] = bytes - segment.Bytes;
            }

            _rootBytes -= segment.Bytes;
            _free += segment.Bytes;
        }
    }
}
