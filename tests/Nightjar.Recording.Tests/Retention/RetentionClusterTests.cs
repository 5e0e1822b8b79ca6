using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Events;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Tests.Retention.Support;

namespace Nightjar.Recording.Tests.Retention;

/// <summary>
/// Retention on one node of a cluster: the catalog holds every node's segments, but a node plans with and deletes
/// only the rows of its own root (<c>"{node}/0"</c>), and journals under its own persistence id.
/// </summary>
public sealed class RetentionClusterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = RetentionWorld.T0;
    private RetentionWorld _world = null!;

    public async Task InitializeAsync() => _world = await RetentionWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task RunPassAsync_ExpiredSegmentsOfTwoNodes_DeletesOnlyThisNodesAndJournalsUnderItsNode()
    {
        _world.Cameras.Put(RetentionWorld.Camera("cam", RetentionWorld.Policy("1h")));
        var mine = await _world.RecordManyAsync("cam", [(T0, T0.AddMinutes(1), 1_000L), (T0.AddMinutes(2), T0.AddMinutes(3), 1_000L)], node: "node-a");
        var theirs = await _world.RecordManyAsync("cam", [(T0.AddMinutes(1), T0.AddMinutes(2), 1_000L), (T0.AddMinutes(3), T0.AddMinutes(4), 1_000L)], node: "node-b");
        await _world.ProjectAsync();
        _world.Clock.SetUtcNow(T0.AddHours(2));
        var service = _world.CreateService(Options("node-a"), _world.RootWithLimit(null));
        await service.StartAsync(CancellationToken.None);

        var result = await service.RunPassAsync(CancellationToken.None);

        result.Deleted.Should().Be(2);
        (await _world.RowsAsync()).Select(r => (r.Path, r.StorageRoot, r.State)).Should().BeEquivalentTo(
            theirs.Select(t => (t.Path, "node-b/0", CatalogSegmentState.Recorded)),
            "node B's segments are on node B's disk, for node B to delete");
        _world.Files().Should().BeEquivalentTo(theirs.Select(t => t.Path));
        (await _world.RetentionEventsAsync("retention/node-a/main")).Select(e => e.Payload).OfType<SegmentDeleted>().Select(d => d.Path)
            .Should().BeEquivalentTo(mine.Select(m => m.Path));
        (await _world.RetentionEventsAsync()).Should().BeEmpty("a cluster node never writes the single-node stream");
    }

    [Fact]
    public async Task RunPassAsync_RootLimit_CountsOnlyThisNodesBytes()
    {
        _world.Cameras.Put(RetentionWorld.Camera("cam", RetentionWorld.Policy("30d")));
        await _world.RecordManyAsync("cam", [(T0, T0.AddMinutes(1), 1_000L), (T0.AddMinutes(1), T0.AddMinutes(2), 1_000L)], node: "node-a");
        await _world.RecordManyAsync("cam", [.. Enumerable.Range(2, 10).Select(i => (T0.AddMinutes(i), T0.AddMinutes(i + 1), 1_000L))], node: "node-b");
        await _world.ProjectAsync();
        _world.Clock.SetUtcNow(T0.AddHours(1));
        var service = _world.CreateService(Options("node-a"), _world.RootWithLimit(3_000));
        await service.StartAsync(CancellationToken.None);

        var result = await service.RunPassAsync(CancellationToken.None);

        result.Deleted.Should().Be(0, "this node's root holds 2,000 of its 3,000 bytes; node B's 10,000 are on node B's disk");
        var report = await service.GetReportAsync(CancellationToken.None);
        report.Roots.Should().ContainSingle().Which.UsedBytes.Should().Be(2_000);
    }

    [Fact]
    public void CatalogName_NamesRootsPerNode()
    {
        RetentionService.CatalogName(0).Should().Be("0");
        RetentionService.CatalogName(1, null).Should().Be("1");
        RetentionService.CatalogName(0, "node-a").Should().Be("node-a/0");
    }

    [Fact]
    public void Validate_BadNodeId_NamesTheOption() =>
        FluentActions.Invoking(() => Options("node/a").Validate()).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("NodeId");

    private static RetentionOptions Options(string node) => new()
    {
        PassInterval = TimeSpan.FromDays(365),
        FreeSpaceCheckInterval = TimeSpan.FromDays(365),
        MinFreeBytes = 0,
        NodeId = node,
    };
}
