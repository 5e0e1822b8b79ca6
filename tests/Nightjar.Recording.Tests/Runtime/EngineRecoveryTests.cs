using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Runtime.Support;
using Xunit.Abstractions;

namespace Nightjar.Recording.Tests.Runtime;

/// <summary>The engine stopped or crashed and started again over the same data: cameras, archive and index come back.</summary>
[Collection(RealCameraCollection.Name)]
public sealed class EngineRecoveryTests(CameraStandIn camera, ITestOutputHelper output) : IClassFixture<CameraStandIn>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private static readonly CameraId Hall = new("hall");

    [Fact]
    public async Task Restart_AfterAGracefulStop_RecoversCamerasFromTheJournal_AndContinuesRecording()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.Engine.AddAsync(EngineHarness.Camera("hall", camera.Camera), CancellationToken.None);
        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("hall")).OfType<SegmentRecorded>().Count() >= 2, Deadline, "two segments are recorded");

        await harness.RestartAsync(crash: false);

        harness.Engine.Registry.Find(Hall).Should().NotBeNull("the camera comes back from the journal");
        var before = await harness.DvrEventsAsync("hall");
        before.OfType<SourceClosed>().Should().ContainSingle().Which.Reason.Should().Be(SourceCloseReason.Stopped);
        before.OfType<SegmentRecorded>().Select(s => s.Path).Should().BeEquivalentTo(harness.SegmentFilesOnDisk(), "a graceful stop records the open file");
        await Poll.UntilAsync(
            async () => (await harness.DvrEventsAsync("hall")).OfType<SegmentRecorded>().Select(s => s.RunId).Distinct().Count() == 2,
            Deadline,
            "the new engine records the camera again");
        var status = (await harness.Engine.GetStatusAsync(Hall, CancellationToken.None))!.Streams[0];
        status.State.Should().Be(StreamState.Recording);
        status.LastSegmentAt.Should().NotBeNull();
        (await harness.Catalog.LatestAsync("hall", "main", 100, CancellationToken.None)).Should().HaveCount((await harness.DvrEventsAsync("hall")).OfType<SegmentRecorded>().Count());
    }

    [Fact]
    public async Task Start_AfterACrash_AdoptsTheFileLeftOpen_ItPlays_AndMarksADeletedFileLost()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.Engine.AddAsync(EngineHarness.Camera("hall", camera.Camera), CancellationToken.None);
        await Poll.UntilAsync(async () => (await harness.Catalog.LatestAsync("hall", "main", 10, CancellationToken.None)).Count >= 3, Deadline, "three segments are catalogued");
        await Poll.UntilAsync(() => harness.Engine.Services.Snapshots.Find(Hall, "main")?.Open?.Segment.Chunks.Count >= 1, Deadline, "the open file has a complete GOP");

        await harness.CrashAsync();

        var recorded = (await harness.DvrEventsAsync("hall")).OfType<SegmentRecorded>().Select(s => s.Path).ToHashSet();
        var leftOpen = harness.SegmentFilesOnDisk().Where(p => !recorded.Contains(p)).ToList();
        leftOpen.Should().NotBeEmpty("the crash left the file ffmpeg was writing unrecorded");
        var open = leftOpen[^1];
        var openFull = Path.Combine(harness.StorageRoot, open);
        await File.AppendAllTextAsync(openFull, new string('x', 100)); // half a packet, as a write cut by a power loss
        var deleted = recorded.Order(StringComparer.Ordinal).ElementAt(1);
        File.Delete(Path.Combine(harness.StorageRoot, deleted));

        await harness.OpenAsync();

        var adopted = await harness.Catalog.GetByPathAsync(open, CancellationToken.None);
        adopted.Should().NotBeNull("the open file is adopted at start");
        adopted!.State.Should().Be(CatalogSegmentState.Recorded);
        new FileInfo(openFull).Length.Should().Be(adopted.Bytes).And.Match(n => n % 188 == 0, "the file is cut to whole packets");
        output.WriteLine($"adopted {open}: {(adopted.End - adopted.Start).TotalSeconds:F2} s, {adopted.Bytes} bytes");
        var played = await Playback.DecodeArchiveAsync(harness.Engine, Hall, "main", adopted.Start, adopted.End, harness.DataPath);
        played.Errors.Should().BeEmpty();
        played.Frames.Should().BeGreaterThanOrEqualTo(25, "at least the GOP seen complete before the crash");
        played.Seconds.Should().BeApproximately((adopted.End - adopted.Start).TotalSeconds, 0.3);

        (await harness.Catalog.GetByPathAsync(deleted, CancellationToken.None))!.State.Should().Be(CatalogSegmentState.Lost);
        (await harness.DvrEventsAsync("hall")).OfType<SegmentLost>().Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Path = deleted, Reason = SegmentLossReason.FileMissing });
        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("hall")).OfType<StreamStarted>().Count() == 2, Deadline, "recording continues after the crash");
        var runs = (await harness.DvrEventsAsync("hall")).Where(e => e is StreamStarted or SourceClosed).ToList();
        runs.Select(e => e.GetType().Name).Should().Equal(nameof(StreamStarted), nameof(SourceClosed), nameof(StreamStarted));
        runs[1].Should().BeOfType<SourceClosed>().Which.Should().BeEquivalentTo(new { ((StreamStarted)runs[0]).RunId, Reason = SourceCloseReason.Failed }, "the crashed run is closed in the journal");
        harness.Logs.Records.Should().Contain(r => r.Contains("[3100]", StringComparison.Ordinal) && r.Contains(open, StringComparison.Ordinal));
    }
}
