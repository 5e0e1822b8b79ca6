using Nightjar.Persistence;
using Nightjar.Recording.Events;
using Nightjar.Recording.Protection;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Tests.Signals;
using static Nightjar.Recording.Tests.Signals.SignalHarness;

namespace Nightjar.Recording.Tests.Protection;

public sealed class ProtectionIndexTests
{
    [Fact]
    public async Task GetSnapshotAsync_MotionFromThePipeline_ListsWindowsOldestFirstWithTheOpenOneLast()
    {
        await using var h = await StartAsync();
        await h.ReportAsync(Lobby, "api", "motion", AlarmState.Active);
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await h.ReportAsync(Lobby, "api", "motion", AlarmState.Inactive);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.ReportAsync(Lobby, "trigger", "motion", AlarmState.Pulse);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active);

        var snapshot = await h.Index.GetSnapshotAsync(CancellationToken.None);

        snapshot.For(Lobby).Motion.Should().Equal(
            new MotionWindow(T0, T0.AddSeconds(30)),
            new MotionWindow(T0.AddSeconds(330), T0.AddSeconds(330)),
            new MotionWindow(T0.AddSeconds(630), null));
        snapshot.For(Gate).Should().Be(CameraProtection.None(Gate));
        snapshot.Cameras.Should().ContainKey(Lobby).And.HaveCount(1);
    }

    [Fact]
    public async Task GetSnapshotAsync_LockAcknowledged_IsInTheNextSnapshotAndGoneOnceReleased()
    {
        await using var h = await StartAsync();
        using var locks = new EvidenceLocks(h.Journal, h.Cameras, h.Index, h.Time);
        var before = await h.Index.GetSnapshotAsync(CancellationToken.None);

        var added = await locks.AddAsync(Lobby, new EvidenceLockRequest(T0.AddHours(-2), T0.AddHours(-1), null, "incident 42"), "ops", CancellationToken.None);
        var after = await h.Index.GetSnapshotAsync(CancellationToken.None);
        await locks.ReleaseAsync(Lobby, added.Lock!.LockId, "ops", CancellationToken.None);
        var released = await h.Index.GetSnapshotAsync(CancellationToken.None);

        before.For(Lobby).Locks.Should().BeEmpty();
        after.For(Lobby).Locks.Should().ContainSingle().Which.Should().Be(added.Lock);
        released.For(Lobby).Locks.Should().BeEmpty();
    }

    [Fact]
    public async Task GetSnapshotAsync_FeedHoldsBackAWrittenEvent_StillIncludesIt()
    {
        await using var h = await StartAsync();
        var journal = new HoldingBackJournal(h.Journal) { HoldBackFrom = 1 };
        using var index = new ProtectionIndex(journal);
        using var locks = new EvidenceLocks(journal, h.Cameras, index, h.Time);

        var added = await locks.AddAsync(Lobby, new EvidenceLockRequest(T0.AddHours(-1), T0, T0.AddDays(30), "held back"), "ops", CancellationToken.None);
        var snapshot = await index.GetSnapshotAsync(CancellationToken.None);

        snapshot.For(Lobby).Locks.Should().ContainSingle().Which.LockId.Should().Be(added.Lock!.LockId);

        // When the feed releases it, it is not applied twice.
        journal.HoldBackFrom = null;
        await index.CatchUpAsync(CancellationToken.None);
        (await index.GetSnapshotAsync(CancellationToken.None)).For(Lobby).Locks.Should().ContainSingle();
        index.EventsApplied.Should().Be(1);
    }

    [Fact]
    public async Task GetSnapshotAsync_EventsFromAnotherWriter_AreReadFromTheFeed()
    {
        await using var h = await StartAsync();
        using var other = new ProtectionIndex(h.Journal);
        using var locks = new EvidenceLocks(h.Journal, h.Cameras, other, h.Time);
        await locks.AddAsync(Gate, new EvidenceLockRequest(T0.AddHours(-1), T0, null, "seen through the feed"), "ops", CancellationToken.None);

        var snapshot = await h.Index.GetSnapshotAsync(CancellationToken.None);

        snapshot.For(Gate).Locks.Should().ContainSingle().Which.Reason.Should().Be("seen through the feed");
    }

    [Fact]
    public async Task NewIndex_SameJournal_RebuildsTheSameSnapshot()
    {
        await using var h = await StartAsync();
        using var locks = new EvidenceLocks(h.Journal, h.Cameras, h.Index, h.Time);
        await h.ReportAsync(Lobby, "api", "motion", AlarmState.Pulse);
        await h.ReportAsync(Gate, "hikvision", "VMD", AlarmState.Active);
        await locks.AddAsync(Gate, new EvidenceLockRequest(T0.AddHours(-1), T0, null, "kept"), "ops", CancellationToken.None);
        var released = await locks.AddAsync(Gate, new EvidenceLockRequest(T0.AddHours(-3), T0, null, "released"), "ops", CancellationToken.None);
        await locks.ReleaseAsync(Gate, released.Lock!.LockId, "ops", CancellationToken.None);
        var original = await h.Index.GetSnapshotAsync(CancellationToken.None);

        using var rebuilt = new ProtectionIndex(h.Journal);
        var snapshot = await rebuilt.GetSnapshotAsync(CancellationToken.None);

        snapshot.Cameras.Keys.Should().BeEquivalentTo(original.Cameras.Keys);
        foreach (var camera in original.Cameras.Keys)
        {
            snapshot.For(camera).Motion.Should().Equal(original.For(camera).Motion);
            snapshot.For(camera).Locks.Should().Equal(original.For(camera).Locks);
        }

        snapshot.For(Gate).Locks.Should().ContainSingle().Which.Reason.Should().Be("kept");
    }

    [Fact]
    public async Task FindMotionAsync_Window_ReturnsOverlappingOnesIncludingTheOpenOne()
    {
        await using var h = await StartAsync();
        foreach (var minute in new[] { 0, 10, 20 })
        {
            h.Time.SetUtcNow(T0.AddMinutes(minute));
            await h.ReportAsync(Lobby, "api", "motion", AlarmState.Active);
            h.Time.Advance(TimeSpan.FromMinutes(1));
            await h.ReportAsync(Lobby, "api", "motion", AlarmState.Inactive);
        }

        h.Time.SetUtcNow(T0.AddMinutes(30));
        await h.ReportAsync(Lobby, "api", "motion", AlarmState.Active);

        var found = await h.Index.FindMotionAsync(Lobby, T0.AddMinutes(5), T0.AddMinutes(25), CancellationToken.None);
        var open = await h.Index.FindMotionAsync(Lobby, T0.AddHours(5), T0.AddHours(6), CancellationToken.None);

        found.Select(w => w.Start).Should().Equal(T0.AddMinutes(10), T0.AddMinutes(20));
        open.Should().ContainSingle().Which.End.Should().BeNull();
    }

    [Fact]
    public async Task CatchUpAsync_ManyEvents_PagesThroughTheFeed()
    {
        await using var h = await StartAsync();
        for (var i = 0; i < 600; i++)
        {
            await h.ReportAsync(Gate, "trigger", "motion", AlarmState.Pulse);
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        using var fresh = new ProtectionIndex(h.Journal);
        var applied = await fresh.CatchUpAsync(CancellationToken.None);

        applied.Should().Be(1200);
        fresh.Current.For(Gate).Motion.Should().HaveCount(600).And.BeInAscendingOrder(w => w.Start);
        (await fresh.CatchUpAsync(CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task GetSnapshotAsync_ConcurrentCallers_SeeTheSameEvents()
    {
        await using var h = await StartAsync();
        await h.ReportAsync(Lobby, "api", "motion", AlarmState.Pulse);

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => h.Index.GetSnapshotAsync(CancellationToken.None).AsTask()));

        snapshots.Should().AllSatisfy(s => s.For(Lobby).Motion.Should().ContainSingle());
        h.Index.EventsApplied.Should().Be(2);
    }
}
