using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Runtime.Support;
using Nightjar.Recording.Timeline;
using Xunit.Abstractions;

namespace Nightjar.Recording.Tests.Runtime;

/// <summary>A camera that dies or hangs: the run ends, is journaled, and recording comes back by itself.</summary>
[Collection(RealCameraCollection.Name)]
public sealed class StreamFailureTests(CameraStandIn camera, ITestOutputHelper output) : IClassFixture<CameraStandIn>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private static readonly CameraId Dock = new("dock");

    [Fact]
    public async Task CameraKilledThenBack_RunEndsAndIsJournaled_LeavesAGap_AndRecordingResumesByItself()
    {
        await using var harness = await EngineHarness.StartAsync();
        var engine = harness.Engine;
        await engine.AddAsync(EngineHarness.Camera("dock", camera.Camera), CancellationToken.None);
        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("dock")).OfType<SegmentRecorded>().Count() >= 2, Deadline, "two segments are recorded");

        await camera.KillAsync();
        var closed = await Poll.ForAsync(
            async () => (await harness.DvrEventsAsync("dock")).OfType<SourceClosed>().FirstOrDefault(),
            Deadline,
            "the run's end is journaled");
        var down = await Poll.ForAsync(
            async () => (await engine.GetStatusAsync(Dock, CancellationToken.None))!.Streams[0] is { State: StreamState.Reconnecting or StreamState.Failed } s ? s : null,
            Deadline,
            "the stream reports it is reconnecting");
        output.WriteLine($"closed: {closed.Reason} '{closed.LastError}'; status {down.State} '{down.LastError}'");
        closed.Reason.Should().BeOneOf(SourceCloseReason.Ended, SourceCloseReason.Failed);
        down.LastError.Should().NotBeNullOrEmpty().And.NotContain(CameraStandIn.Password);

        // Stay away long enough for a reconnect attempt to fail: an outage longer than the timeline's tolerance.
        await Poll.UntilAsync(
            async () => (await engine.GetStatusAsync(Dock, CancellationToken.None))!.Streams[0].Restarts >= 2,
            Deadline,
            "a reconnect attempt fails while the camera is away");
        await camera.RestartAsync();
        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("dock")).OfType<StreamStarted>().Count() == 2, Deadline, "a new run receives media");
        await Poll.UntilAsync(
            async () => (await harness.DvrEventsAsync("dock")).OfType<SegmentRecorded>().Select(s => s.RunId).Distinct().Count() == 2,
            Deadline,
            "the new run records segments");

        var events = await harness.DvrEventsAsync("dock");
        var kinds = events.Where(e => e is StreamStarted or SourceClosed).Select(e => e.GetType().Name).ToList();
        kinds.Should().Equal(nameof(StreamStarted), nameof(SourceClosed), nameof(StreamStarted));
        var segments = events.OfType<SegmentRecorded>().ToList();
        var firstRun = segments.Where(s => s.RunId == segments[0].RunId).ToList();
        var secondRun = segments.Where(s => s.RunId != segments[0].RunId).ToList();
        var timeline = await engine.GetTimelineAsync(Dock, "main", new TimeRange(segments[0].Start, secondRun[^1].End), CancellationToken.None);
        timeline.Gaps.Should().ContainSingle("the camera was away between the runs")
            .Which.Start.Should().BeCloseTo(firstRun[^1].End, TimeSpan.FromMilliseconds(10));
        timeline.Gaps[0].End.Should().BeCloseTo(secondRun[0].Start, TimeSpan.FromMilliseconds(10));
        (await engine.GetStatusAsync(Dock, CancellationToken.None))!.Streams[0].Restarts.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task CameraStalled_RunIsRestartedWithinTwentySeconds_AndRecordsAgainWhenTheCameraWakes()
    {
        await using var harness = await EngineHarness.StartAsync();
        var engine = harness.Engine;
        await engine.AddAsync(EngineHarness.Camera("dock", camera.Camera), CancellationToken.None);
        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("dock")).OfType<SegmentRecorded>().Any(), Deadline, "a segment is recorded");
        var firstRun = (await engine.GetStatusAsync(Dock, CancellationToken.None))!.Streams[0].RunId;

        camera.Camera.Pause();
        var pausedAt = TimeProvider.System.GetTimestamp();
        try
        {
            await Poll.UntilAsync(
                async () => (await engine.GetStatusAsync(Dock, CancellationToken.None))!.Streams[0] is { RunId: not null } s && s.RunId != firstRun,
                TimeSpan.FromSeconds(20),
                "a new run starts within 20 s of the stall");
            output.WriteLine($"stall to new run: {TimeProvider.System.GetElapsedTime(pausedAt).TotalSeconds:F1} s");
            var closed = (await harness.DvrEventsAsync("dock")).OfType<SourceClosed>().Should().ContainSingle().Subject;
            closed.Reason.Should().BeOneOf(SourceCloseReason.Ended, SourceCloseReason.Stalled);
        }
        finally
        {
            camera.Camera.Resume();
        }

        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("dock")).OfType<StreamStarted>().Count() == 2, Deadline, "recording resumes after the camera wakes");
        await Poll.UntilAsync(
            async () => (await harness.DvrEventsAsync("dock")).OfType<SegmentRecorded>().Select(s => s.RunId).Distinct().Count() >= 2,
            Deadline,
            "the new run records segments");
    }
}
