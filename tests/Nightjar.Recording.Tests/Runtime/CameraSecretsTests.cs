using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.Runtime;

/// <summary>Camera passwords reach ffmpeg and nothing else: not logs (any level), not status, not the journal in clear.</summary>
[Collection(RealCameraCollection.Name)]
public sealed class CameraSecretsTests(CameraStandIn camera) : IClassFixture<CameraStandIn>
{
    private const string WrongPassword = "Wr0ng:P@ss/x%99";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private static readonly CameraId Yard = new("yard");

    [Fact]
    public async Task ReplaceAsync_WrongPasswordThenRightOne_FailsWithARedactedError_ThenRestartsAndRecords_AndNoPasswordLeaks()
    {
        await using var harness = await EngineHarness.StartAsync();
        var engine = harness.Engine;
        await engine.AddAsync(EngineHarness.Camera("yard", camera.Camera, password: WrongPassword), CancellationToken.None);

        var refused = await Poll.ForAsync(
            async () => (await engine.GetStatusAsync(Yard, CancellationToken.None))!.Streams[0] is { LastError: not null } s ? s : null,
            Deadline,
            "the refused login is reported");
        refused.State.Should().BeOneOf(StreamState.Reconnecting, StreamState.Failed, StreamState.Starting);
        refused.LastError.Should().Contain("401");
        var failedRun = refused.RunId;

        var replaced = await engine.ReplaceAsync(EngineHarness.Camera("yard", camera.Camera), CancellationToken.None);

        replaced.Status.Should().Be(CameraCommandStatus.Ok);
        var recording = await Poll.ForAsync(
            async () => (await engine.GetStatusAsync(Yard, CancellationToken.None))!.Streams[0] is { State: StreamState.Recording } s ? s : null,
            Deadline,
            "the stream restarts with the new password and records");
        recording.RunId.Should().NotBe(failedRun);
        recording.Restarts.Should().Be(0, "a replaced stream is a new stream actor");
        await Poll.UntilAsync(async () => (await harness.DvrEventsAsync("yard")).OfType<SegmentRecorded>().Any(), Deadline, "a segment is recorded");

        var journaled = (await harness.EventsAsync("cameras")).Cast<ICameraEvent>().ToList();
        journaled.Select(e => e.GetType()).Should().Equal(typeof(CameraAdded), typeof(CameraUpdated));
        foreach (var definition in journaled.Select(e => e is CameraAdded a ? a.Camera : ((CameraUpdated)e).Camera))
        {
            var credentials = definition.Streams[0].Credentials!;
            credentials.IsProtected.Should().BeTrue();
            credentials.Password.Should().NotContain(CameraStandIn.Password).And.NotContain(WrongPassword);
        }

        var logs = harness.Logs.AllText();
        harness.Logs.Records.Should().Contain(r => r.Contains("401", StringComparison.Ordinal), "ffmpeg's refusal is logged (redacted)");
        foreach (var secret in new[] { CameraStandIn.Password, WrongPassword })
        {
            logs.Should().NotContain(secret).And.NotContain(Uri.EscapeDataString(secret));
            refused.LastError.Should().NotContain(secret).And.NotContain(Uri.EscapeDataString(secret));
        }

        engine.Registry.Find(Yard)!.ToString().Should().NotContain(CameraStandIn.Password);
    }
}
