using Microsoft.Extensions.Logging;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Runtime.Support;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Runtime.Recovery;

/// <summary>
/// Start-up recovery of a node whose camera moved to another node while it was down (cluster.md 6.9-C): the DVR id
/// refuses its appends (NJF01, as the cluster fence does), so the files it recorded while it still owned the camera
/// go under its adopted id and reach the catalog; files recorded after it lost the camera stay on disk unindexed.
/// Real PostgreSQL journal and catalog, hand-made TS files.
/// </summary>
public sealed class RecoveryScannerTests(RefusingPostgres postgres) : IClassFixture<RefusingPostgres>, IAsyncLifetime
{
    private const string Node = "node-a";
    private const string RunId = "1763700000000";
    private readonly TempDirectory _temp = new("nj-adopt");
    private readonly CapturingLoggerProvider _logs = new();
    private ILoggerFactory _loggerFactory = null!;
    private IEventJournal _journal = null!;
    private ISegmentCatalog _catalog = null!;
    private byte[] _clip = [];

    private string StorageRoot => _temp.Combine("recordings");

    public async Task InitializeAsync()
    {
        ToolRunner.Require("ffmpeg");
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        (_journal, _catalog) = await postgres.OpenAsync();
        _clip = await File.ReadAllBytesAsync(await TsClip.CreateAsync(_temp.Combine("clip.ts"), 2));
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_catalog).DisposeAsync();
        await _journal.DisposeAsync();
        _loggerFactory.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Start_DvrAppendRefused_FileFromTheOwnedIntervalIsCataloguedUnderTheAdoptedId_ALaterOneStaysAnOrphan()
    {
        var camera = new CameraId("adopt-owned");
        var tail = await WriteAsync(camera, 1763700000);
        var orphan = await WriteAsync(camera, 1763700060);
        var authority = new IntervalSegmentAuthority(Node, At(1763699900), At(1763700030));

        await RunEngineAsync(authority);

        (await EventsAsync(JournalNames.DvrPersistenceId(camera, "main"))).Should().BeEmpty("the owner's stream refuses this node");
        var adoptedId = JournalNames.AdoptedPersistenceId(Node, camera, "main");
        adoptedId.Should().Be("dvr-adopted/node-a/adopt-owned/main");
        var adopted = (await EventsAsync(adoptedId)).Should().ContainSingle().Which.Should().BeOfType<SegmentRecorded>().Subject;
        adopted.Should().BeEquivalentTo(new { Path = tail, Node, Start = At(1763700000) });
        var row = await _catalog.GetByPathAsync(tail, CancellationToken.None);
        row.Should().NotBeNull("the projector indexes the adopted stream's segment events");
        row!.State.Should().Be(CatalogSegmentState.Recorded);
        row.StorageRoot.Should().Be("node-a/0", "retention of this node finds it under its own root");
        (await _catalog.GetByPathAsync(orphan, CancellationToken.None)).Should().BeNull("it was recorded after the node lost the camera");
        File.Exists(Path.Combine(StorageRoot, orphan)).Should().BeTrue("orphans stay on disk");
        authority.Asked.Should().BeEquivalentTo([(camera, Node, At(1763700000)), (camera, Node, At(1763700060))]);
        _logs.Records.Should().ContainSingle(r => r.Contains("[3114]", StringComparison.Ordinal))
            .Which.Should().Contain(orphan).And.NotContain(tail);

        await RunEngineAsync(authority);

        (await EventsAsync(adoptedId)).Should().ContainSingle("a file already indexed is not adopted twice");
        (await _catalog.GetByPathAsync(orphan, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Start_DvrAppendRefused_FileRecordedWhenTheNodeDidNotOwnTheCamera_JournalsNothing()
    {
        var camera = new CameraId("adopt-never");
        var file = await WriteAsync(camera, 1763700000);
        var authority = IntervalSegmentAuthority.Never();

        await RunEngineAsync(authority);

        authority.Asked.Should().ContainSingle("the file was checked against the epoch history");
        (await EventsAsync(JournalNames.DvrPersistenceId(camera, "main"))).Should().BeEmpty();
        (await EventsAsync(JournalNames.AdoptedPersistenceId(Node, camera, "main"))).Should().BeEmpty();
        (await _catalog.GetByPathAsync(file, CancellationToken.None)).Should().BeNull();
        File.Exists(Path.Combine(StorageRoot, file)).Should().BeTrue();
    }

    private static DateTimeOffset At(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    /// <summary>A file a killed recorder left: named by the second ffmpeg opened it, never journaled.</summary>
    private async Task<string> WriteAsync(CameraId camera, long seconds)
    {
        var relative = $"{camera.Value}/main/2025/11/21/{RunId}/{seconds}.ts";
        var full = Path.Combine(StorageRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, _clip);
        return relative;
    }

    /// <summary>A node's start: the engine reconciles the disk (no camera is configured, so nothing records) and stops.</summary>
    private async Task RunEngineAsync(ISegmentAuthority authority)
    {
        var options = new RecordingEngineOptions { StorageRoots = [StorageRoot], NodeId = Node };
        await using var engine = new RecordingEngine(
            options, _journal, _catalog, Protectors.Create(), _loggerFactory, segmentAuthority: authority);
        await engine.StartAsync(CancellationToken.None);
    }

    private async Task<List<object>> EventsAsync(string persistenceId)
    {
        var events = new List<object>();
        await foreach (var e in _journal.ReadEventsAsync(persistenceId, 1, long.MaxValue, CancellationToken.None))
        {
            events.Add(e.Payload);
        }

        return events;
    }
}
