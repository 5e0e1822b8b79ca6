using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Runtime.Archive;
using Nightjar.Recording.Runtime.Recovery;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.Runtime.Recovery;

/// <summary>Start-up reconciliation of one stream over hand-made files and a real SQLite catalog.</summary>
public sealed class StreamRecoveryTests : IAsyncLifetime
{
    private const string RunId = "1763700000000";
    private const string Run = "cam1/main/2025/11/21/" + RunId;
    private static readonly CameraId Camera = new("cam1");
    private StoreHarness _store = null!;
    private StreamRecovery _recovery = null!;
    private byte[] _clip = [];

    public async Task InitializeAsync()
    {
        _store = await StoreHarness.StartAsync();
        var options = new RecordingEngineOptions { StorageRoots = [_store.StorageRoot] };
        _recovery = new StreamRecovery(new StorageLayout(_store.StorageRoot), _store.Catalog, options, new RecordingMetrics(null, new StreamSnapshots()), NullLogger.Instance);
        using var temp = new TempDirectory("nj-clip");
        _clip = await File.ReadAllBytesAsync(await TsClip.CreateAsync(temp.Combine("clip.ts"), 2));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task ScanAsync_HalfWrittenFileAfterARecordedOne_IsCutToWholePackets_AndAdoptedWhereThePreviousEnded()
    {
        var previous = await CatalogueAsync(Run + "/1763700000.ts", _clip, At(1763700000.3));
        await WriteAsync(Run + "/1763700002.ts", [.. _clip.AsSpan(0, (_clip.Length / 2) + 100)]);

        var events = await _recovery.ScanAsync(Camera, "main", [], checkCatalog: true, CancellationToken.None);

        var adopted = events.Should().ContainSingle().Which.Should().BeOfType<SegmentRecorded>().Subject;
        adopted.Path.Should().Be(Run + "/1763700002.ts");
        adopted.RunId.Should().Be(RunId);
        adopted.Start.Should().Be(previous.End, "files of one run follow each other");
        adopted.Bytes.Should().Be(new FileInfo(Full(adopted.Path)).Length).And.Match(b => b % 188 == 0);
        adopted.Gops.Count.Should().BeGreaterThanOrEqualTo(1);
        adopted.Duration.Should().BeGreaterThan(TimeSpan.FromSeconds(0.5)).And.BeLessThan(TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task ScanAsync_FileWithoutAPreviousOne_StartsAtTheSecondInItsName()
    {
        await WriteAsync(Run + "/1763700004.ts", _clip);

        var events = await _recovery.ScanAsync(Camera, "main", [], checkCatalog: false, CancellationToken.None);

        events.Should().ContainSingle().Which.Should().BeOfType<SegmentRecorded>().Which.Start.Should().Be(At(1763700004));
    }

    [Fact]
    public async Task ScanAsync_UnusableFiles_EmptyOnesAreRemoved_ACorruptOneIsKeptAsideAndReportedLost()
    {
        await WriteAsync(Run + "/1763700000.ts", []);
        await WriteAsync(Run + "/1763700002.ts", [.. _clip.AsSpan(0, 188 * 2)]); // PAT and PMT, no keyframe
        await WriteAsync(Run + "/1763700004.ts", Enumerable.Repeat((byte)'x', 100_000).ToArray());
        await WriteAsync("cam1/main/2025/11/21/1763600000000/segments.csv", []); // a run that never connected

        var events = await _recovery.ScanAsync(Camera, "main", [], checkCatalog: false, CancellationToken.None);

        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new SegmentLost(Camera, "main", Run + "/1763700004.ts", SegmentLossReason.Corrupt));
        File.Exists(Full(Run + "/1763700000.ts")).Should().BeFalse();
        File.Exists(Full(Run + "/1763700002.ts")).Should().BeFalse();
        File.Exists(Full(Run + "/1763700004.ts.corrupt")).Should().BeTrue("a file that is not TS is kept for inspection");
        Directory.Exists(Full("cam1/main/2025/11/21/1763600000000")).Should().BeFalse();
        (await _recovery.ScanAsync(Camera, "main", [], checkCatalog: false, CancellationToken.None)).Should().BeEmpty("each problem is reported once");
    }

    [Fact]
    public async Task ScanAsync_CatalogueRowsWhoseFileIsGoneOrShorter_AreReportedLost_KnownFilesAreLeftAlone()
    {
        var gone = await CatalogueAsync(Run + "/1763700000.ts", _clip, At(1763700000));
        var shorter = await CatalogueAsync(Run + "/1763700002.ts", _clip, At(1763700002));
        var intact = await CatalogueAsync(Run + "/1763700004.ts", _clip, At(1763700004));
        await WriteAsync(Run + "/1763700006.ts", _clip);
        File.Delete(Full(gone.Path));
        await WriteAsync(shorter.Path, [.. _clip.AsSpan(0, 188 * 10)]);

        var events = await _recovery.ScanAsync(Camera, "main", [Run + "/1763700006.ts"], checkCatalog: true, CancellationToken.None);

        events.Should().BeEquivalentTo(new object[]
        {
            new SegmentLost(Camera, "main", shorter.Path, SegmentLossReason.Truncated),
            new SegmentLost(Camera, "main", gone.Path, SegmentLossReason.FileMissing),
        });
        File.Exists(Full(intact.Path)).Should().BeTrue();
    }

    [Fact]
    public async Task ScanAsync_InACluster_ChecksOnlyThisNodesRows_AndMarksAdoptedFilesWithTheNode()
    {
        var options = new RecordingEngineOptions { StorageRoots = [_store.StorageRoot], NodeId = "node-a" };
        var recovery = new StreamRecovery(new StorageLayout(_store.StorageRoot, "node-a"), _store.Catalog, options, new RecordingMetrics(null, new StreamSnapshots()), NullLogger.Instance);
        var mine = await CatalogueAsync(Run + "/1763700000.ts", _clip, At(1763700000), "node-a/0");
        var theirs = await CatalogueAsync("cam1/main/2025/11/21/1763600000000/1763600000.ts", _clip, At(1763600000), "node-b/0");
        File.Delete(Full(mine.Path));
        File.Delete(Full(theirs.Path));
        await WriteAsync(Run + "/1763700004.ts", _clip);

        var events = await recovery.ScanAsync(Camera, "main", [], checkCatalog: true, CancellationToken.None);

        events.OfType<SegmentLost>().Should().ContainSingle("node B's file is on node B's disk, not lost").Which.Path.Should().Be(mine.Path);
        events.OfType<SegmentRecorded>().Should().ContainSingle().Which.Node.Should().Be("node-a");
    }

    private static DateTimeOffset At(double unixSeconds) => DateTimeOffset.UnixEpoch.AddSeconds(unixSeconds);

    private string Full(string relative) => Path.Combine(_store.StorageRoot, relative);

    private async Task WriteAsync(string relative, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Full(relative))!);
        await File.WriteAllBytesAsync(Full(relative), bytes);
    }

    private async Task<CatalogSegment> CatalogueAsync(string relative, byte[] bytes, DateTimeOffset start, string root = "0")
    {
        await WriteAsync(relative, bytes);
        var segment = new CatalogSegment(0, "cam1", "main", RunId, relative, root, start, start.AddSeconds(2), bytes.Length, GopIndex.Empty.Encode(), CatalogSegmentState.Recorded);
        await _store.Catalog.ApplyAsync([new CatalogChange.Upsert(segment)], null, CancellationToken.None);
        return (await _store.Catalog.GetByPathAsync(relative, CancellationToken.None))!;
    }
}
