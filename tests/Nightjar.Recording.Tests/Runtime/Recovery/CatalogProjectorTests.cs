using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Recovery;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.Runtime.Recovery;

/// <summary>The catalog as a projection of the journal: nothing journaled is ever missing from it for long.</summary>
public sealed class CatalogProjectorTests : IAsyncLifetime
{
    private const string PersistenceId = "dvr/cam1/main";
    private static readonly CameraId Camera = new("cam1");
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private StoreHarness _store = null!;
    private CatalogProjector _projector = null!;
    private long _sequence;

    public async Task InitializeAsync()
    {
        _store = await StoreHarness.StartAsync();
        _projector = new CatalogProjector(_store.Journal, _store.Catalog, TimeProvider.System, NullLogger.Instance);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task CatchUpAsync_EventsJournaledButNeverApplied_AppearInTheCatalog_OnceEach()
    {
        // What a crash between the journal append and the catalog write leaves behind.
        var recorded = Recorded(0);
        await AppendAsync(recorded, Recorded(1));

        (await _projector.CatchUpAsync(CancellationToken.None)).Should().Be(2);
        (await _projector.CatchUpAsync(CancellationToken.None)).Should().Be(0, "the offset is stored with the rows");

        var row = (await _store.Catalog.GetByPathAsync(recorded.Path, CancellationToken.None))!;
        row.Should().BeEquivalentTo(new { Source = "cam1", Stream = "main", recorded.RunId, recorded.Path, recorded.Start, recorded.End, recorded.Bytes, State = CatalogSegmentState.Recorded });
        GopIndex.TryDecode(row.GopIndex, out var gops, out _).Should().BeTrue();
        gops.Should().Be(recorded.Gops);

        await AppendAsync(new SegmentLost(Camera, "main", recorded.Path, SegmentLossReason.FileMissing));
        await _projector.CatchUpAsync(CancellationToken.None);
        (await _store.Catalog.GetByPathAsync(recorded.Path, CancellationToken.None))!.State.Should().Be(CatalogSegmentState.Lost);
    }

    [Fact]
    public async Task RunAsync_FollowsTheJournal_UntilCancelled()
    {
        using var stop = new CancellationTokenSource();
        var running = _projector.RunAsync(stop.Token);
        var recorded = Recorded(0);

        await AppendAsync(recorded);

        await Poll.UntilAsync(async () => await _store.Catalog.GetByPathAsync(recorded.Path, CancellationToken.None) is not null, TimeSpan.FromSeconds(10), "the new segment is projected");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        (await _store.Catalog.GetProjectionOffsetAsync(CatalogProjector.ProjectionName, CancellationToken.None)).Ordering.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task CatchUpAsync_SegmentOfAClusterNode_IsStoredUnderThatNodesRoot()
    {
        var single = Recorded(0);
        var clustered = Recorded(1) with { Node = "node-b" };
        await AppendAsync(single, clustered);

        await _projector.CatchUpAsync(CancellationToken.None);

        (await _store.Catalog.GetByPathAsync(single.Path, CancellationToken.None))!.StorageRoot.Should().Be("0");
        (await _store.Catalog.GetByPathAsync(clustered.Path, CancellationToken.None))!.StorageRoot.Should().Be("node-b/0");
    }

    private static SegmentRecorded Recorded(int index)
    {
        var start = T0.AddSeconds(60 * index);
        var gops = GopIndex.Create([new(0, 0), new(94_000, 180_000)], 5_400_000);
        return new SegmentRecorded(Camera, "main", "run1", $"cam1/main/2026/11/21/run1/{start.ToUnixTimeSeconds()}.ts", start, start.AddSeconds(60), 7_500_000, gops);
    }

    private async Task AppendAsync(params ICameraEvent[] events)
    {
        var batch = events.Select(e => new EventToPersist(e, Nightjar.Recording.Runtime.JournalNames.TagsOf(e))).ToList();
        _sequence = await _store.Journal.AppendAsync(PersistenceId, _sequence, batch, CancellationToken.None);
    }
}
