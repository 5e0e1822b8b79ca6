using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Tests.Retention.Support;

namespace Nightjar.Recording.Tests.Retention;

/// <summary>Each rule of the planner on its own, on in-memory segments.</summary>
public sealed class RetentionPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task PlanAsync_ExpiredBoundary_EndPlusDepthEqualToNowIsExpired_OneTickLaterIsNot()
    {
        var segments = Run("cam", T0, 3, Minute);
        var now = segments[1].End + TimeSpan.FromHours(1);

        var plan = await PlanAsync(segments, now, Policies(("cam", Policy("1h"))));

        plan.Deletions.Select(d => (d.Segment.Id, d.Reason, d.Protection)).Should().Equal(
            (segments[0].Id, SegmentDeletionReason.Expired, SegmentProtection.None),
            (segments[1].Id, SegmentDeletionReason.Expired, SegmentProtection.None));
    }

    [Fact]
    public async Task PlanAsync_UnlimitedDepth_NeverExpires()
    {
        var segments = Run("cam", T0, 3, Minute);

        var plan = await PlanAsync(segments, T0.AddYears(50), Policies(("cam", Policy("unlimited"))));

        plan.Deletions.Should().BeEmpty();
    }

    [Theory]
    [InlineData(-20, -10, false)] // ends at start - preAlarm: [S, E) does not reach the window
    [InlineData(-20, -9, true)] // one second into the pre-alarm margin
    [InlineData(90, 100, true)] // starts exactly at end + postAlarm (closed window)
    [InlineData(91, 100, false)] // starts after it
    public async Task PlanAsync_PreAndPostAlarmMargins_DecideMotionProtection(int startSeconds, int endSeconds, bool isProtectedExpected)
    {
        // Motion from 0 s to 60 s; preAlarm 10 s, postAlarm 30 s: protected [-10 s, 90 s].
        var motionAt = T0.AddHours(1);
        var segment = Segment(1, "cam", motionAt.AddSeconds(startSeconds), motionAt.AddSeconds(endSeconds));

        var protection = Motion("cam", new MotionWindow(motionAt, motionAt.AddSeconds(60)));
        var plan = await PlanAsync([segment], motionAt.AddDays(2), Policies(("cam", Policy("1d", "7d"))), protection);

        plan.Deletions.Should().HaveCount(isProtectedExpected ? 0 : 1);
    }

    [Fact]
    public async Task PlanAsync_MotionDepth_CountsFromTheEndOfTheMotionPlusPostAlarm()
    {
        var motionStart = T0.AddHours(1);
        var motionEnd = motionStart.AddMinutes(5);
        var segment = Segment(1, "cam", motionStart, motionStart.AddMinutes(1));
        var protection = Motion("cam", new MotionWindow(motionStart, motionEnd));
        var policies = Policies(("cam", Policy("1d", "2d")));
        var edge = motionEnd + TimeSpan.FromSeconds(30) + TimeSpan.FromDays(3);

        (await PlanAsync([segment], edge.AddTicks(-1), policies, protection)).Deletions.Should().BeEmpty("still within depth + motion depth of the motion's end");
        (await PlanAsync([segment], edge, policies, protection)).Deletions.Should().ContainSingle().Which.Reason.Should().Be(SegmentDeletionReason.Expired);
    }

    [Fact]
    public async Task PlanAsync_OpenMotion_ProtectsUpToNow_ButAtMostMaxMotionLength()
    {
        var motionStart = T0;
        var protection = Motion("cam", new MotionWindow(motionStart, null));
        var policies = Policies(("cam", Policy("1h", "1h")));
        var inside = Segment(1, "cam", motionStart.AddMinutes(50), motionStart.AddMinutes(55));
        var beyondMax = Segment(2, "cam", motionStart.AddMinutes(61), motionStart.AddMinutes(62));

        // Now is 4 h after the start: the open window counts as ended at start + 1 h (MaxMotionLength), so its
        // protection lasts until start + 1 h + 30 s + 1 h + 1 h.
        var plan = await PlanAsync([inside, beyondMax], motionStart.AddHours(2).AddMinutes(30), policies, protection, maxMotion: TimeSpan.FromHours(1));

        plan.Deletions.Select(d => d.Segment.Id).Should().Equal(2);
        (await PlanAsync([inside], motionStart.AddHours(3).AddSeconds(30), policies, protection, maxMotion: TimeSpan.FromHours(1))).Deletions.Should().ContainSingle();
    }

    [Fact]
    public async Task PlanAsync_OpenMotionYoungerThanMax_ProtectsTheMostRecentSegments()
    {
        var protection = Motion("cam", new MotionWindow(T0.AddMinutes(10), null));
        var old = Segment(1, "cam", T0, T0.AddMinutes(1));
        var recent = Segment(2, "cam", T0.AddMinutes(12), T0.AddMinutes(13));

        var plan = await PlanAsync([old, recent], T0.AddMinutes(20), Policies(("cam", Policy("1m", "1h"))), protection);

        plan.Deletions.Select(d => d.Segment.Id).Should().Equal(1);
    }

    [Fact]
    public async Task PlanAsync_NullMotionDepth_GivesMotionNoProtection()
    {
        var segment = Segment(1, "cam", T0, T0.AddMinutes(1));
        var protection = Motion("cam", new MotionWindow(T0, T0.AddMinutes(1)));

        var plan = await PlanAsync([segment], T0.AddDays(2), Policies(("cam", Policy("1d"))), protection);

        plan.Deletions.Should().ContainSingle().Which.Protection.Should().Be(SegmentProtection.None);
    }

    [Fact]
    public async Task PlanAsync_UnlimitedMotionDepth_KeepsMotionUntilSpaceRunsOut()
    {
        var motion = Segment(1, "cam", T0, T0.AddMinutes(1), bytes: 100);
        var plain = Segment(2, "cam", T0.AddHours(1), T0.AddHours(1).AddMinutes(1), bytes: 100);
        var protection = Motion("cam", new MotionWindow(T0, T0.AddMinutes(1)));
        var policies = Policies(("cam", Policy("1d", "unlimited")));

        (await PlanAsync([motion, plain], T0.AddYears(5), policies, protection)).Deletions.Select(d => d.Segment.Id).Should().Equal(2);
        var overLimit = await PlanAsync([motion, plain], T0.AddYears(5), policies, protection, limit: 50);
        overLimit.Deletions.Select(d => (d.Segment.Id, d.Reason, d.Protection)).Should().Equal(
            (2, SegmentDeletionReason.Expired, SegmentProtection.None),
            (1, SegmentDeletionReason.RootLimit, SegmentProtection.Motion));
    }

    [Fact]
    public async Task PlanAsync_Locks_ProtectUntilExpiry_EvenAgainstTheLimit()
    {
        var segments = Run("cam", T0, 4, Minute, bytes: 100);
        var camera = new CameraId("cam");
        var locks = new ProtectionSnapshot(new Dictionary<CameraId, CameraProtection>
        {
            [camera] = new(camera, [], [
                new EvidenceLock("a", camera, T0.AddSeconds(30), T0.AddMinutes(2), Until: T0.AddDays(10), "x", "op", T0),
                new EvidenceLock("b", camera, T0.AddMinutes(3), T0.AddMinutes(4), Until: T0.AddDays(1), "x", "op", T0),
            ]),
        });

        var now = T0.AddDays(1);
        var plan = await PlanAsync(segments, now, Policies(("cam", Policy("1h"))), locks, limit: 0);

        // Lock a covers segments 0 and 1; lock b has expired at now (Until is not after now).
        plan.Deletions.Select(d => d.Segment.Id).Should().Equal(segments[2].Id, segments[3].Id);
    }

    [Fact]
    public async Task PlanAsync_PinnedSegments_AreNeverDeleted_EvenInAnEmergency()
    {
        var segments = Run("cam", T0, 3, Minute, bytes: 100);

        var plan = await PlanAsync(segments, T0.AddDays(2), Policies(("cam", Policy("1h"))), pinned: [segments[0].Path], free: 0, minFree: 1_000);

        plan.Deletions.Select(d => d.Segment.Id).Should().Equal(segments[1].Id, segments[2].Id);
        plan.DiskStillFull.Should().BeTrue("the pinned segment holds what is missing");
    }

    [Fact]
    public async Task PlanAsync_Order_ExpiredThenCameraSpaceThenRootLimitThenMotion()
    {
        var a = Run("a", T0, 4, Minute, bytes: 100, firstId: 1);                // depth 1h: the first two expire
        var b = Run("b", T0.AddSeconds(1), 4, Minute, bytes: 100, firstId: 10); // space 200: over by 200
        var c = Run("c", T0.AddSeconds(2), 4, Minute, bytes: 100, firstId: 20); // unlimited, motion on its first
        var now = a[1].End + TimeSpan.FromHours(1);
        var policies = Policies(("a", Policy("1h") with { }), ("b", Policy("unlimited") with { Space = new ByteSize(200) }), ("c", Policy("unlimited", "unlimited")));
        var protection = Motion("c", new MotionWindow(c[0].Start, c[0].Start));

        // Usage 1200; after expiry (200) and camera space (200): 800; limit 500 needs 300 more: the oldest unprotected
        // of any camera (c[1], a[2], b[2]) before the older motion-protected c[0]; c[0] goes only under a tighter limit.
        var plan = await PlanAsync([.. a, .. b, .. c], now, policies, protection, limit: 500);

        plan.Deletions.Select(d => (d.Segment.Id, d.Reason)).Should().Equal(
            (1, SegmentDeletionReason.Expired),
            (2, SegmentDeletionReason.Expired),
            (10, SegmentDeletionReason.CameraSpace),
            (11, SegmentDeletionReason.CameraSpace),
            (21, SegmentDeletionReason.RootLimit),
            (3, SegmentDeletionReason.RootLimit),
            (12, SegmentDeletionReason.RootLimit));

        var tighter = await PlanAsync([.. a, .. b, .. c], now, policies, protection, limit: 50);
        tighter.Deletions.Where(d => d.Protection == SegmentProtection.Motion).Select(d => d.Segment.Id).Should().Equal(20);
        tighter.Deletions[^1].Segment.Id.Should().Be(20, "motion goes only once everything unprotected is gone");
    }

    [Fact]
    public async Task PlanAsync_Emergency_UnprotectedThenMotionThenLocks_AndOnlyUntilFreeSpaceIsBack()
    {
        var segments = Run("cam", T0, 6, Minute, bytes: 100);
        var camera = new CameraId("cam");
        var protection = new ProtectionSnapshot(new Dictionary<CameraId, CameraProtection>
        {
            [camera] = new(camera, [new MotionWindow(segments[0].Start, segments[0].Start)], [new EvidenceLock("l", camera, segments[1].Start, segments[1].End, null, "x", "op", T0)]),
        });

        var plan = await PlanAsync(segments, T0.AddHours(1), Policies(("cam", Policy("unlimited", "unlimited"))), protection, free: 0, minFree: 550);

        plan.Deletions.Select(d => (d.Segment.Id, d.Reason, d.Protection)).Should().Equal(
            (segments[2].Id, SegmentDeletionReason.Emergency, SegmentProtection.None),
            (segments[3].Id, SegmentDeletionReason.Emergency, SegmentProtection.None),
            (segments[4].Id, SegmentDeletionReason.Emergency, SegmentProtection.None),
            (segments[5].Id, SegmentDeletionReason.Emergency, SegmentProtection.None),
            (segments[0].Id, SegmentDeletionReason.Emergency, SegmentProtection.Motion),
            (segments[1].Id, SegmentDeletionReason.Emergency, SegmentProtection.Lock));
        plan.LocksDeleted.Should().BeTrue();
        plan.DiskStillFull.Should().BeFalse();
    }

    [Fact]
    public async Task PlanAsync_EmergencyTarget_RefillsWithUnprotectedAndMotion_ButLocksOnlyBelowTheMinimum()
    {
        // 6 segments of 100 bytes: 0 motion, 1 locked, 2-5 unprotected. Free 50, minimum 100, target (low water) 200.
        var segments = Run("cam", T0, 6, Minute, bytes: 100);
        var camera = new CameraId("cam");
        var protection = new ProtectionSnapshot(new Dictionary<CameraId, CameraProtection>
        {
            [camera] = new(camera, [new MotionWindow(segments[0].Start, segments[0].Start)], [new EvidenceLock("l", camera, segments[1].Start, segments[1].End, null, "x", "op", T0)]),
        });
        var input = Input(T0.AddHours(1), Policies(("cam", Policy("unlimited", "unlimited"))), segments, protection, free: 50, minFree: 100) with { EmergencyTargetBytes = 200 };

        var plan = await RetentionPlanner.PlanAsync(input, new ListSegments(segments), CancellationToken.None);

        plan.Deletions.Select(d => d.Segment.Id).Should().Equal([segments[2].Id, segments[3].Id], "two segments bring free space from 50 to the target of 250 >= 200, not just over the minimum");
        plan.LocksDeleted.Should().BeFalse();

        var onlyLocked = new[] { segments[1] }.ToList();
        var tight = Input(T0.AddHours(1), Policies(("cam", Policy("unlimited", "unlimited"))), onlyLocked, protection, free: 150, minFree: 100) with { EmergencyTargetBytes = 200 };
        (await RetentionPlanner.PlanAsync(tight, new ListSegments(onlyLocked), CancellationToken.None)).Deletions
            .Should().BeEmpty("above the minimum a lock is kept, even below the refill target");
    }

    [Fact]
    public async Task PlanAsync_Bound_DeletesAtMostMaxDeletions_AndSaysSo()
    {
        var segments = Run("cam", T0, 10, Minute);

        var plan = await PlanAsync(segments, T0.AddDays(1), Policies(("cam", Policy("1h"))), maxDeletions: 4);

        plan.Deletions.Select(d => d.Segment.Id).Should().Equal(segments.Take(4).Select(s => s.Id));
        plan.Bounded.Should().BeTrue();
        (await PlanAsync(segments.Skip(4), T0.AddDays(1), Policies(("cam", Policy("1h"))), maxDeletions: 6)).Deletions.Should().HaveCount(6);
    }

    [Fact]
    public async Task PlanAsync_MoreThanHalfOfARootOfTwentySegments_IsRefused()
    {
        var segments = Run("cam", T0, 20, Minute);

        var plan = await PlanAsync(segments, segments[10].End + TimeSpan.FromHours(1), Policies(("cam", Policy("1h"))));

        plan.Refusal.Should().Contain("more than half");
        plan.Deletions.Should().BeEmpty();
        (await PlanAsync(segments, segments[9].End + TimeSpan.FromHours(1), Policies(("cam", Policy("1h"))))).Deletions.Should().HaveCount(10, "exactly half is allowed");
        (await PlanAsync(segments.Take(19), T0.AddDays(9), Policies(("cam", Policy("1h"))))).Deletions.Should().HaveCount(19, "a young root of 19 segments is exempt");
    }

    [Fact]
    public async Task PlanAsync_HalfRule_ExemptsEmergencyDeletions()
    {
        var segments = Run("cam", T0, 20, Minute, bytes: 100);

        var plan = await PlanAsync(segments, T0.AddDays(1), Policies(("cam", Policy("1h"))), free: 0, minFree: 250);

        plan.Refusal.Should().NotBeNull();
        plan.Deletions.Select(d => (d.Segment.Id, d.Reason)).Should().Equal(
            (segments[0].Id, SegmentDeletionReason.Emergency),
            (segments[1].Id, SegmentDeletionReason.Emergency),
            (segments[2].Id, SegmentDeletionReason.Emergency));
    }

    [Fact]
    public async Task PlanAsync_RemovedCamera_UsesTheRootsDefaultDepth_ElseUnlimited()
    {
        var segments = Run("gone", T0, 2, Minute);

        (await PlanAsync(segments, T0.AddDays(3), Policies(), defaultDepth: DepthLimit.Parse("2d"))).Deletions.Should().HaveCount(2);
        (await PlanAsync(segments, T0.AddDays(3), Policies())).Deletions.Should().BeEmpty();
    }

    [Fact]
    public async Task PlanAsync_CameraWithUnlimitedDepth_TakesTheRootsDefaultDepth()
    {
        var segments = Run("cam", T0, 2, Minute);
        var dvr = Policy("unlimited");

        var plan = await PlanAsync(segments, T0.AddDays(3), new Dictionary<string, CameraRetentionPolicy> { ["cam"] = CameraRetentionPolicy.From(dvr, DepthLimit.Parse("2d")) });

        plan.Deletions.Should().HaveCount(2);
    }

    [Fact]
    public async Task PlanAsync_NothingExpiredAndNoPressure_WalksOnlyTheOldSegments()
    {
        var segments = new ListSegments(Run("cam", T0, 5, Minute));

        var plan = await RetentionPlanner.PlanAsync(Input(T0.AddMinutes(6), Policies(("cam", Policy("1d"))), [.. Run("cam", T0, 5, Minute)]), segments, CancellationToken.None);

        plan.Deletions.Should().BeEmpty();
        segments.Walks.Should().Be(1, "only the expiry step walks when no scope is over");
    }

    internal static DvrPolicy Policy(string depth, string? motionDepth = null) => RetentionWorld.Policy(depth, motionDepth);

    private static Dictionary<string, CameraRetentionPolicy> Policies(params (string Camera, DvrPolicy Dvr)[] policies) =>
        policies.ToDictionary(p => p.Camera, p => CameraRetentionPolicy.From(p.Dvr, null));

    private static ProtectionSnapshot Motion(string camera, params MotionWindow[] windows) =>
        new(new Dictionary<CameraId, CameraProtection> { [new CameraId(camera)] = new(new CameraId(camera), windows, []) });

    private static CatalogSegment Segment(long id, string source, DateTimeOffset start, DateTimeOffset end, long bytes = 1_000) =>
        new(id, source, "main", "run1", $"{source}/main/run1/{id}.ts", "0", start, end, bytes, "", CatalogSegmentState.Recorded);

    private static List<CatalogSegment> Run(string source, DateTimeOffset start, int count, TimeSpan length, long bytes = 1_000, long firstId = 1) =>
        [.. Enumerable.Range(0, count).Select(i => Segment(firstId + i, source, start + (length * i), start + (length * (i + 1)), bytes))];

    private static Task<RetentionPlan> PlanAsync(
        IEnumerable<CatalogSegment> segments,
        DateTimeOffset now,
        Dictionary<string, CameraRetentionPolicy> policies,
        ProtectionSnapshot? protection = null,
        long? limit = null,
        long free = long.MaxValue / 4,
        long minFree = 0,
        int maxDeletions = 500,
        TimeSpan? maxMotion = null,
        DepthLimit? defaultDepth = null,
        string[]? pinned = null)
    {
        var list = segments.ToList();
        var input = Input(now, policies, list, protection, limit, free, minFree, maxDeletions, maxMotion, defaultDepth, pinned);
        return RetentionPlanner.PlanAsync(input, new ListSegments(list), CancellationToken.None);
    }

    private static RetentionPlanInput Input(
        DateTimeOffset now,
        Dictionary<string, CameraRetentionPolicy> policies,
        List<CatalogSegment> segments,
        ProtectionSnapshot? protection = null,
        long? limit = null,
        long free = long.MaxValue / 4,
        long minFree = 0,
        int maxDeletions = 500,
        TimeSpan? maxMotion = null,
        DepthLimit? defaultDepth = null,
        string[]? pinned = null) =>
        new(
            now,
            policies,
            CameraRetentionPolicy.Removed(defaultDepth),
            protection ?? ProtectionSnapshot.Empty,
            path => pinned?.Contains(path) == true,
            segments.GroupBy(s => s.Source).ToDictionary(g => g.Key, g => g.Sum(s => s.Bytes)),
            segments.Sum(s => s.Bytes),
            segments.Count,
            limit,
            free,
            minFree,
            maxDeletions,
            maxMotion ?? TimeSpan.FromHours(1));
}
