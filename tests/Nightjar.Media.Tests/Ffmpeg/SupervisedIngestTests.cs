using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Segments;
using Nightjar.Media.Tests.Segments;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Media.Ts;
using Xunit.Abstractions;

namespace Nightjar.Media.Tests.Ffmpeg;

/// <summary>The supervisor running the real ingest against a camera stand-in that stalls (SIGSTOP).</summary>
[Collection(RealCameraCollection.Name)]
public sealed class SupervisedIngestTests(DigestCameraFixture fixture, ITestOutputHelper output) : IClassFixture<DigestCameraFixture>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = new("nj-supervised");
    private readonly EventLog _events = new();

    public void Dispose()
    {
        if (fixture.Camera.IsPaused)
        {
            fixture.Camera.Resume();
        }

        _temp.Dispose();
    }

    [Fact]
    public async Task StalledCamera_FfmpegExitsWithCodeZeroWithinTheSocketTimeout_AndTheNextRunRecordsAgain()
    {
        // The relay is absent on purpose: onfail=ignore keeps the recording going without it.
        var relay = new Uri($"rtsp://127.0.0.1:{TestPorts.FreeTcpPort()}/lobby");
        var options = new SupervisorOptions
        {
            StartGrace = TimeSpan.FromSeconds(5),
            StallTimeout = TimeSpan.FromSeconds(30), // longer than ffmpeg's own socket timeout: ffmpeg must notice first
            BackoffSchedule = [TimeSpan.FromSeconds(1)],
        };

        await using (var supervisor = new ProcessSupervisor("lobby/main", run => Command(run, relay, withSocketTimeout: true), _events.Add, options))
        {
            supervisor.Start();
            await _events.WaitForAsync<RunProgress>(e => e.Run == 1 && e.Progress.Frame >= 50, Deadline, "run 1 records");

            fixture.Camera.Pause();
            var pausedAt = TimeProvider.System.GetTimestamp();
            var exited = await _events.WaitForAsync<RunExited>(e => e.Run == 1, Deadline);
            var exitAfter = TimeProvider.System.GetElapsedTime(pausedAt);
            fixture.Camera.Resume();
            output.WriteLine($"ffmpeg exited {exitAfter.TotalSeconds:F1} s after the camera stalled, code {exited.ExitCode}: {exited.LastError}");

            exited.Reason.Should().Be(RunExitReason.Exited);
            exited.ExitCode.Should().Be(0, "ffmpeg treats the socket timeout as the end of its input (media.md E4)");
            exited.LastError.Should().Contain("timed out").And.Contain("rtsp://***@127.0.0.1").And.NotContain(DigestCameraFixture.Password);
            exitAfter.Should().BeLessThan(TimeSpan.FromSeconds(12), "a 2 s socket timeout ends the run within a few seconds of the stall");
            _events.Of<RunStalled>().Should().BeEmpty();

            await _events.WaitForAsync<RunProgress>(e => e.Run == 2 && e.Progress.Frame >= 25, Deadline, "run 2 records after the camera came back");
            await supervisor.StopAsync();
        }

        foreach (var run in new[] { 1, 2 })
        {
            var files = Directory.GetFiles(RunDirectory(run), "*.ts");
            files.Should().NotBeEmpty($"run {run} wrote segments although the relay was absent");
            TsRepair.TruncateToWholePackets(files.Max()!).Index.Gops.Should().NotBeEmpty();
        }
    }

    [Fact]
    public async Task StalledCameraWithoutSocketTimeout_IsCaughtByTheStallCheckAndKilled()
    {
        var options = new SupervisorOptions
        {
            StartGrace = TimeSpan.FromSeconds(2),
            StallTimeout = TimeSpan.FromSeconds(3),
            StopGrace = TimeSpan.FromSeconds(2),
            BackoffSchedule = [TimeSpan.FromSeconds(30)],
        };

        await using var supervisor = new ProcessSupervisor("lobby/main", run => Command(run, relay: null, withSocketTimeout: false), _events.Add, options);
        supervisor.Start();
        await _events.WaitForAsync<RunProgress>(e => e.Run == 1 && e.Progress.Frame >= 25, Deadline, "run 1 records");

        fixture.Camera.Pause();
        try
        {
            var stalled = await _events.WaitForAsync<RunStalled>(e => e.Run == 1, Deadline);
            var exited = await _events.WaitForAsync<RunExited>(e => e.Run == 1, Deadline);

            output.WriteLine($"stall seen after {stalled.SinceLastProgress}, exit code {exited.ExitCode}");
            stalled.SinceLastProgress.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3));
            exited.Reason.Should().Be(RunExitReason.Stalled);
            exited.ExitCode.Should().NotBeNull();
            exited.RestartDelay.Should().Be(TimeSpan.FromSeconds(30));
            ProcessProbe.IsAlive(_events.Of<RunStarted>().Single().ProcessId).Should().BeFalse();
        }
        finally
        {
            fixture.Camera.Resume();
        }
    }

    private string RunDirectory(int run) => _temp.Combine($"run{run}");

    private FfmpegCommand Command(SupervisedRun run, Uri? relay, bool withSocketTimeout)
    {
        var directory = RunDirectory(run.Run);
        FileDurability.CreateDirectoryDurably(directory);
        var command = IngestCommandBuilder.Build(new IngestOptions
        {
            SourceUrl = fixture.Camera.Url("ball"),
            Credentials = new SourceCredentials(DigestCameraFixture.User, DigestCameraFixture.Password),
            SegmentDirectory = directory,
            SegmentDuration = TimeSpan.FromSeconds(2),
            SocketTimeout = TimeSpan.FromSeconds(2),
            RelayUrl = relay,
        });

        if (withSocketTimeout)
        {
            return command;
        }

        // media.md E4: without -timeout ffmpeg hangs on a stalled camera; the supervisor must catch it.
        var arguments = command.Arguments.ToList();
        var at = arguments.IndexOf("-timeout");
        arguments.RemoveRange(at, 2);
        return command with { Arguments = arguments };
    }
}
