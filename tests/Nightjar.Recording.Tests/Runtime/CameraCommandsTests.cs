using Nightjar.Media.Ts;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.Runtime;

/// <summary>Camera commands against the engine: journal first, clear refusals that change nothing, and clean stops.</summary>
[Collection(RealCameraCollection.Name)]
public sealed class CameraCommandsTests(CameraStandIn camera) : IClassFixture<CameraStandIn>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private static readonly CameraId Gate = new("gate");

    [Fact]
    public async Task Commands_DuplicateAndUnknownIds_AreRefusedAndChangeNothing()
    {
        await using var harness = await EngineHarness.StartAsync();
        var engine = harness.Engine;
        var definition = EngineHarness.Camera("gate", camera.Camera) with { Enabled = false };
        (await engine.AddAsync(definition, CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Ok);
        var version = engine.Registry.Version;

        var duplicate = await engine.AddAsync(definition with { Name = "Other" }, CancellationToken.None);
        var replaceUnknown = await engine.ReplaceAsync(EngineHarness.Camera("nowhere", camera.Camera), CancellationToken.None);
        var removeUnknown = await engine.RemoveAsync(new CameraId("nowhere"), CancellationToken.None);

        duplicate.Status.Should().Be(CameraCommandStatus.Conflict);
        duplicate.Reason.Should().Contain("gate").And.Contain("already exists");
        replaceUnknown.Status.Should().Be(CameraCommandStatus.NotFound);
        removeUnknown.Status.Should().Be(CameraCommandStatus.NotFound);
        engine.Registry.Version.Should().Be(version);
        engine.Registry.Find(Gate)!.Name.Should().Be("Camera gate");
        (await harness.EventsAsync("cameras")).Should().ContainSingle().Which.Should().BeOfType<CameraAdded>();
        (await engine.GetStatusAsync(Gate, CancellationToken.None))!.Streams.Should().OnlyContain(s => s.State == StreamState.Disabled);
        (await engine.GetStatusAsync(new CameraId("nowhere"), CancellationToken.None)).Should().BeNull();
        harness.FfmpegProcesses().Should().BeEmpty("a disabled camera records nothing");
    }

    [Fact]
    public async Task ReplaceAsync_NewUrlForOneStream_RestartsOnlyThatStream_OnTheNewSource()
    {
        await using var harness = await EngineHarness.StartAsync();
        var engine = harness.Engine;
        var original = EngineHarness.Camera("gate", camera.Camera);
        var sub = original.Streams[0] with { Name = "sub" };
        original = original with { Streams = [original.Streams[0], sub] };
        await engine.AddAsync(original, CancellationToken.None);
        var before = await Poll.ForAsync(
            async () => (await engine.GetStatusAsync(Gate, CancellationToken.None))!.Streams is var s && s.All(x => x.State == StreamState.Recording) ? s : null,
            Deadline,
            "both streams record");

        var replaced = await engine.ReplaceAsync(
            original with { Name = "Gate (H.265 sub)", Streams = [original.Streams[0], sub with { Url = sub.Url.Replace("/ball", "/ball-h265", StringComparison.Ordinal) }] },
            CancellationToken.None);

        replaced.Status.Should().Be(CameraCommandStatus.Ok);
        engine.Registry.Find(Gate)!.Name.Should().Be("Gate (H.265 sub)");
        var newRun = await Poll.ForAsync(
            async () => (await harness.DvrEventsAsync("gate", "sub")).OfType<SegmentRecorded>().LastOrDefault(s => s.RunId != before[1].RunId),
            Deadline,
            "the sub stream records from its new URL");
        TsIndexer.IndexFile(Path.Combine(harness.StorageRoot, newRun.Path)).Codec.Should().Be(TsVideoCodec.H265, "ffmpeg reads the new source");
        var after = (await engine.GetStatusAsync(Gate, CancellationToken.None))!.Streams;
        after[0].RunId.Should().Be(before[0].RunId, "the main stream did not change, so it was not restarted");
        (await harness.DvrEventsAsync("gate", "sub")).OfType<SourceClosed>().Should().ContainSingle().Which.Reason.Should().Be(SourceCloseReason.Stopped);
        harness.FfmpegProcesses().Should().HaveCount(2);
    }

    [Fact]
    public async Task RemoveAsync_RecordingCamera_StopsFfmpegAndRecordsItsLastFile()
    {
        await using var harness = await EngineHarness.StartAsync();
        var engine = harness.Engine;
        await engine.AddAsync(EngineHarness.Camera("gate", camera.Camera), CancellationToken.None);
        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("gate")).OfType<SegmentRecorded>().Any(), Deadline, "a segment is recorded");
        var processes = harness.FfmpegProcesses();
        processes.Should().ContainSingle("one ffmpeg records the one stream");

        var removed = await engine.RemoveAsync(Gate, CancellationToken.None);

        removed.Status.Should().Be(CameraCommandStatus.Ok);
        removed.Camera!.Id.Should().Be(Gate);
        engine.Registry.Contains(Gate).Should().BeFalse();
        (await engine.GetStatusAsync(Gate, CancellationToken.None)).Should().BeNull();
        await Poll.UntilAsync(() => harness.FfmpegProcesses().Count == 0, Deadline, "ffmpeg is gone");
        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("gate")).OfType<SourceClosed>().Any(), Deadline, "the run's end is journaled");
        var events = await harness.DvrEventsAsync("gate");
        events.OfType<SourceClosed>().Should().ContainSingle().Which.Reason.Should().Be(SourceCloseReason.Stopped);
        events.OfType<SegmentRecorded>().Select(s => s.Path).Should().BeEquivalentTo(harness.SegmentFilesOnDisk(), "the file open at the stop was closed and recorded too");
        harness.Engine.GetLive(Gate, "main").Should().BeNull();

        // The archive stays, and the same id can record again once the old actors are gone.
        (await engine.AddAsync(EngineHarness.Camera("gate", camera.Camera), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Ok);
        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("gate")).OfType<StreamStarted>().Count() == 2, Deadline, "the camera records again");
    }
}
