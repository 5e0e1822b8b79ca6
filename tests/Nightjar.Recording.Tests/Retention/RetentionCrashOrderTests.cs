using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Events;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Tests.Retention.Support;

namespace Nightjar.Recording.Tests.Retention;

/// <summary>
/// Deletion in Moonfire's order survives a crash at either step: garbage marked but not unlinked, or unlinked but not
/// recorded as deleted. The next start finishes the deletion; index and disk agree and garbage is never served.
/// </summary>
public sealed class RetentionCrashOrderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RetentionWorld.T0;
    private RetentionWorld _world = null!;

    public async Task InitializeAsync() => _world = await RetentionWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StartAsync_AfterACrashInsideADeletion_FinishesIt_AndIndexAndDiskAgree(bool afterUnlink)
    {
        var crashAt = afterUnlink ? RetentionStep.Unlinked : RetentionStep.Marked;
        _world.Cameras.Put(RetentionWorld.Camera("cam", RetentionWorld.Policy("1h")));
        var recorded = await _world.RecordManyAsync("cam", [.. Enumerable.Range(0, 4).Select(i => (T0.AddMinutes(i), T0.AddMinutes(i + 1), 1_000L))]);
        await _world.ProjectAsync();
        _world.Clock.SetUtcNow(T0.AddMinutes(2) + TimeSpan.FromHours(1));
        var crashing = _world.CreateService(Options(), _world.RootWithLimit(null));
        crashing.Executors[0].FaultInjection = step => step == crashAt ? throw new IOException("simulated crash at " + step) : ValueTask.CompletedTask;
        await crashing.StartAsync(CancellationToken.None);

        await crashing.Invoking(s => s.RunPassAsync(CancellationToken.None)).Should().ThrowAsync<IOException>();
        await crashing.DisposeAsync();

        var garbage = await _world.Store.Catalog.InStateAsync(CatalogSegmentState.Garbage, null, 100, CancellationToken.None);
        garbage.Select(s => s.Path).Should().Equal(recorded[0].Path, recorded[1].Path);
        (await _world.Store.Catalog.FindAsync("cam", "main", T0, T0.AddHours(1), includeLost: false, CancellationToken.None))
            .Select(s => s.Path).Should().Equal([recorded[2].Path, recorded[3].Path], "playback never serves a garbage row");
        _world.Files().Should().HaveCount(crashAt == RetentionStep.Marked ? 4 : 2);

        var restarted = _world.CreateService(Options(), _world.RootWithLimit(null));
        await restarted.StartAsync(CancellationToken.None);

        (await _world.RowsAsync()).Select(r => (r.Path, r.State)).Should().BeEquivalentTo(
            [(recorded[2].Path, CatalogSegmentState.Recorded), (recorded[3].Path, CatalogSegmentState.Recorded)]);
        _world.Files().Should().BeEquivalentTo([recorded[2].Path, recorded[3].Path]);
        var events = await _world.RetentionEventsAsync();
        events.Select(e => e.Payload).OfType<SegmentGarbageMarked>().Should().HaveCount(2);
        events.Select(e => e.Payload).OfType<SegmentDeleted>().Select(d => (d.Path, d.Reason)).Should().Equal(
            (recorded[0].Path, SegmentDeletionReason.Expired),
            (recorded[1].Path, SegmentDeletionReason.Expired));
        (await restarted.RunPassAsync(CancellationToken.None)).Deleted.Should().Be(0, "nothing is deleted twice");
    }

    [Fact]
    public async Task StartAsync_GarbageMarkJournaledButNeverProjected_IsFinishedToo()
    {
        var recorded = await _world.RecordAsync("cam", T0, T0.AddMinutes(1), 1_000);
        await _world.ProjectAsync();
        await _world.AppendAsync("retention/main", new SegmentGarbageMarked(recorded.CameraId, "main", recorded.Path, SegmentDeletionReason.RootLimit));

        await _world.CreateService(Options(), _world.RootWithLimit(null)).StartAsync(CancellationToken.None);

        (await _world.RowsAsync()).Should().BeEmpty();
        _world.Files().Should().BeEmpty();
        (await _world.RetentionEventsAsync()).Select(e => e.Payload).OfType<SegmentDeleted>().Should().ContainSingle()
            .Which.Should().Match<SegmentDeleted>(d => d.Path == recorded.Path && d.Reason == SegmentDeletionReason.RootLimit && d.Bytes == 1_000);
    }

    [Fact]
    public async Task RunPassAsync_FileAlreadyGone_StillRecordsTheDeletion()
    {
        _world.Cameras.Put(RetentionWorld.Camera("cam", RetentionWorld.Policy("1h")));
        var recorded = await _world.RecordAsync("cam", T0, T0.AddMinutes(1), 1_000);
        await _world.ProjectAsync();
        File.Delete(Path.Combine(_world.Root, recorded.Path));
        _world.Clock.SetUtcNow(T0.AddHours(2));
        var service = _world.CreateService(Options(), _world.RootWithLimit(null));
        await service.StartAsync(CancellationToken.None);

        (await service.RunPassAsync(CancellationToken.None)).Deleted.Should().Be(1);

        (await _world.RowsAsync()).Should().BeEmpty();
    }

    private static RetentionOptions Options() => new()
    {
        PassInterval = TimeSpan.FromDays(365),
        FreeSpaceCheckInterval = TimeSpan.FromDays(365),
        MinFreeBytes = 0,
    };
}
