using System.Diagnostics.Metrics;
using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Tests.TestCameras;

namespace Nightjar.Media.Tests.Ffmpeg;

/// <summary>Supervision decisions on a hand-moved clock, with real (tiny) processes.</summary>
public sealed class ProcessSupervisorTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly ManualTimeProvider _time = new();
    private readonly EventLog _events = new();

    private static SupervisorOptions Options => new()
    {
        StartGrace = TimeSpan.Zero,
        StallTimeout = TimeSpan.FromSeconds(3),
        StopGrace = TimeSpan.FromSeconds(5),
        CheckInterval = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task ExitWithCodeZero_IsRestartedAfter1Then2Then5SecondsAsNewRuns()
    {
        await using var supervisor = Create(_ => Shell("exit 0"));
        supervisor.Start();

        foreach (var (run, delay) in new[] { (1, 1), (2, 2), (3, 5) })
        {
            var exited = await _events.WaitForAsync<RunExited>(e => e.Run == run);
            exited.ExitCode.Should().Be(0);
            exited.Reason.Should().Be(RunExitReason.Exited, "an exit with code 0 is still an exit");
            exited.RestartDelay.Should().Be(TimeSpan.FromSeconds(delay));
            await AdvanceWhenBackingOffAsync(supervisor, TimeSpan.FromSeconds(delay));
        }

        await _events.WaitForAsync<RunStarted>(e => e.Run == 4);
        _events.Of<RunStarted>().Select(e => e.Run).Should().StartWith([1, 2, 3, 4]);
        _events.Of<RunStarted>().Select(e => e.ProcessId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task BackoffNotElapsed_DoesNotRestartYet()
    {
        await using var supervisor = Create(_ => Shell("exit 1"));
        supervisor.Start();
        await _events.WaitForAsync<RunExited>(e => e.Run == 1);
        await WaitBackingOffAsync(supervisor);

        _time.Advance(TimeSpan.FromMilliseconds(999));

        supervisor.State.Should().Be(SupervisorState.BackingOff);
        _events.Of<RunStarted>().Should().ContainSingle();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _events.WaitForAsync<RunStarted>(e => e.Run == 2);
    }

    [Fact]
    public async Task NoProgressAdvance_IsAStallThatStopsAndRestartsTheRun()
    {
        await using var supervisor = Create(_ => Shell("echo frame=5; echo out_time_us=200000; echo progress=continue; exec sleep 60"));
        supervisor.Start();
        var progress = await _events.WaitForAsync<RunProgress>(e => e.Run == 1);
        progress.Progress.Frame.Should().Be(5);
        await Eventually.WaitUntilAsync(() => _time.ActiveTimers == 1, Wait, "the health check timer runs");

        _time.Advance(TimeSpan.FromSeconds(2));
        _events.Of<RunStalled>().Should().BeEmpty();
        _time.Advance(TimeSpan.FromSeconds(1));

        var stalled = await _events.WaitForAsync<RunStalled>(e => e.Run == 1);
        stalled.SinceLastProgress.Should().Be(TimeSpan.FromSeconds(3));
        var exited = await _events.WaitForAsync<RunExited>(e => e.Run == 1);
        exited.Reason.Should().Be(RunExitReason.Stalled);
        exited.ExitCode.Should().Be(128 + 15, "sleep died from the SIGTERM");
        await AdvanceWhenBackingOffAsync(supervisor, TimeSpan.FromSeconds(1));
        await _events.WaitForAsync<RunStarted>(e => e.Run == 2);
    }

    [Fact]
    public async Task RequestRestart_StopsTheRunAndStartsANewOneAfterTheBackoff()
    {
        await using var supervisor = Create(_ => Shell("exec sleep 60"));
        supervisor.Start();
        var first = await _events.WaitForAsync<RunStarted>(e => e.Run == 1);

        supervisor.RequestRestart("the segment file stopped growing");

        var exited = await _events.WaitForAsync<RunExited>(e => e.Run == 1);
        exited.Reason.Should().Be(RunExitReason.RestartRequested);
        ProcessProbe.IsAlive(first.ProcessId).Should().BeFalse();
        await AdvanceWhenBackingOffAsync(supervisor, TimeSpan.FromSeconds(1));
        (await _events.WaitForAsync<RunStarted>(e => e.Run == 2)).ProcessId.Should().NotBe(first.ProcessId);
        supervisor.CurrentRun.Should().Be(2);
    }

    [Fact]
    public async Task HealthyRun_ResetsTheBackoffToOneSecond()
    {
        var options = Options with { StallTimeout = TimeSpan.FromDays(1), HealthyRunDuration = TimeSpan.FromMinutes(10) };
        await using var supervisor = Create(run => run.Run < 3 ? Shell("exit 0") : Shell("exec sleep 60"), options);
        supervisor.Start();
        await _events.WaitForAsync<RunExited>(e => e.Run == 1);
        await AdvanceWhenBackingOffAsync(supervisor, TimeSpan.FromSeconds(1));
        (await _events.WaitForAsync<RunExited>(e => e.Run == 2)).RestartDelay.Should().Be(TimeSpan.FromSeconds(2));
        await AdvanceWhenBackingOffAsync(supervisor, TimeSpan.FromSeconds(2));
        await _events.WaitForAsync<RunStarted>(e => e.Run == 3);
        await Eventually.WaitUntilAsync(() => _time.ActiveTimers == 1, Wait, "run 3 is being watched");

        _time.Advance(TimeSpan.FromMinutes(11));
        supervisor.RequestRestart("test");

        (await _events.WaitForAsync<RunExited>(e => e.Run == 3)).RestartDelay.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task CommandThatCannotStart_IsReportedAndRetried()
    {
        await using var supervisor = Create(run => run.Run == 1 ? throw new InvalidOperationException("the storage root is full") : new FfmpegCommand("/nonexistent/ffmpeg", []));
        supervisor.Start();

        var first = await _events.WaitForAsync<RunExited>(e => e.Run == 1);
        first.Reason.Should().Be(RunExitReason.StartFailed);
        first.LastError.Should().Contain("storage root is full");
        await AdvanceWhenBackingOffAsync(supervisor, TimeSpan.FromSeconds(1));
        var second = await _events.WaitForAsync<RunExited>(e => e.Run == 2);
        second.Reason.Should().Be(RunExitReason.StartFailed);
        second.LastError.Should().Contain("/nonexistent/ffmpeg");
        _events.Of<RunStarted>().Should().BeEmpty();
    }

    [Fact]
    public async Task StopAsync_EndsTheRunForGood()
    {
        var supervisor = Create(_ => Shell("exec sleep 60"));
        supervisor.Start();
        var started = await _events.WaitForAsync<RunStarted>(e => e.Run == 1);

        await supervisor.StopAsync().WaitAsync(Wait);

        var exited = _events.Of<RunExited>().Should().ContainSingle().Subject;
        exited.Reason.Should().Be(RunExitReason.Stopped);
        exited.RestartDelay.Should().BeNull();
        supervisor.State.Should().Be(SupervisorState.Stopped);
        ProcessProbe.IsAlive(started.ProcessId).Should().BeFalse();
        await supervisor.DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_KillsTheProcessWithoutWaitingForAGrace()
    {
        var supervisor = Create(_ => Shell("trap '' TERM; exec sleep 60"));
        supervisor.Start();
        var started = await _events.WaitForAsync<RunStarted>(e => e.Run == 1);

        await supervisor.DisposeAsync().AsTask().WaitAsync(Wait);

        ProcessProbe.IsAlive(started.ProcessId).Should().BeFalse();
        _events.Of<RunExited>().Single().ExitCode.Should().Be(128 + 9);
    }

    [Fact]
    public async Task Metrics_StartsAndExits_AreCountedPerSource()
    {
        var name = "metrics-" + Guid.NewGuid().ToString("N");
        long starts = 0;
        long exits = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Nightjar.Media")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!tags.ToArray().Any(t => t.Key == "source" && (string?)t.Value == name))
            {
                return;
            }

            if (instrument.Name == "nightjar.media.process.starts")
            {
                Interlocked.Add(ref starts, value);
            }
            else if (instrument.Name == "nightjar.media.process.exits")
            {
                Interlocked.Add(ref exits, value);
            }
        });
        listener.Start();

        await using (var supervisor = new ProcessSupervisor(name, _ => Shell("exit 0"), _events.Add, Options, _time))
        {
            supervisor.Start();
            await _events.WaitForAsync<RunExited>(e => e.Run == 1);
        }

        Interlocked.Read(ref starts).Should().Be(1);
        Interlocked.Read(ref exits).Should().Be(1);
    }

    private static FfmpegCommand Shell(string script) => new("/bin/sh", ["-c", script]);

    private ProcessSupervisor Create(Func<SupervisedRun, FfmpegCommand> factory, SupervisorOptions? options = null) =>
        new("test/main", factory, _events.Add, options ?? Options, _time);

    private async Task WaitBackingOffAsync(ProcessSupervisor supervisor) =>
        await Eventually.WaitUntilAsync(() => supervisor.State == SupervisorState.BackingOff && _time.ActiveTimers == 1, Wait, "the supervisor waits out its backoff");

    private async Task AdvanceWhenBackingOffAsync(ProcessSupervisor supervisor, TimeSpan by)
    {
        await WaitBackingOffAsync(supervisor);
        _time.Advance(by);
    }
}
