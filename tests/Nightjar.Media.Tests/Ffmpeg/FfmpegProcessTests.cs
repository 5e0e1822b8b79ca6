using System.Collections.Concurrent;
using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Tests.Segments;
using Nightjar.Media.Tests.TestCameras;

namespace Nightjar.Media.Tests.Ffmpeg;

public sealed class FfmpegProcessTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = new("nj-proc");

    public FfmpegProcessTests() => ToolRunner.Require("ffmpeg");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Start_FfmpegEncodingTwoSeconds_StreamsProgressAndExitsWithZero()
    {
        var blocks = new ConcurrentQueue<FfmpegProgress>();
        var command = new FfmpegCommand("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-nostats", "-progress", "pipe:1", "-stats_period", "0.2",
            "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-t", "2", "-f", "null", "-"]);

        await using var process = await FfmpegProcess.StartAsync(command, onProgress: blocks.Enqueue);
        var code = await process.Exited.WaitAsync(Deadline);

        code.Should().Be(0);
        blocks.Should().HaveCountGreaterThanOrEqualTo(2);
        blocks.Select(b => b.Frame).Should().BeInAscendingOrder();
        blocks.Last().IsEnd.Should().BeTrue();
        blocks.Last().Frame.Should().Be(50);
        blocks.Last().OutTime.Should().BeCloseTo(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
        process.LastProgress.Should().Be(blocks.Last());
        process.LastError.Should().BeNull();
    }

    [Fact]
    public async Task LastError_FailingSourceWithCredentials_GivesTheReasonWithoutThePassword()
    {
        var command = new FfmpegCommand("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-rtsp_transport", "tcp", "-i", "rtsp://admin:s3cret@127.0.0.1:1/x", "-f", "null", "-"], ["s3cret"]);

        await using var process = await FfmpegProcess.StartAsync(command);
        var code = await process.Exited.WaitAsync(Deadline);

        code.Should().NotBe(0);
        process.LastError.Should().Contain("rtsp://***@127.0.0.1:1/x").And.Contain("refused");
        process.Stderr.Lines().Should().NotContain(l => l.Contains("s3cret"));
    }

    [Fact]
    public async Task StopAsync_RunningFfmpeg_EndsItWithSigterm()
    {
        var started = new TaskCompletionSource();
        var command = new FfmpegCommand("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-nostats", "-progress", "pipe:1", "-stats_period", "0.1",
            "-re", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-f", "null", "-"]);
        await using var process = await FfmpegProcess.StartAsync(command, onProgress: p => { if (p.Frame > 0) started.TrySetResult(); });
        await started.Task.WaitAsync(Deadline);

        var outcome = await process.StopAsync(TimeSpan.FromSeconds(10));

        outcome.Should().Be(ProcessStopOutcome.Terminated);
        process.HasExited.Should().BeTrue();
        ProcessProbe.IsAlive(process.Id).Should().BeFalse();
    }

    [Fact]
    public async Task StopAsync_ProcessIgnoringSigterm_IsKilledAfterTheGrace()
    {
        var marker = _temp.Combine("trapped");
        var command = new FfmpegCommand("/bin/sh", ["-c", $"trap '' TERM; touch {marker}; while :; do sleep 0.05; done"]);
        await using var process = await FfmpegProcess.StartAsync(command);
        await Eventually.WaitUntilAsync(() => File.Exists(marker), Deadline, "the shell installed its trap");

        var outcome = await process.StopAsync(TimeSpan.FromMilliseconds(300));

        outcome.Should().Be(ProcessStopOutcome.Killed);
        (await process.Exited).Should().Be(128 + 9);
    }

    [Fact]
    public async Task DisposeAsync_RunningProcessWithAChild_LeavesNothingBehind()
    {
        var pidFile = _temp.Combine("child.pid");
        var command = new FfmpegCommand("/bin/sh", ["-c", $"sleep 60 & echo $! > {pidFile}.tmp; mv {pidFile}.tmp {pidFile}; wait"]);
        var process = await FfmpegProcess.StartAsync(command);
        await Eventually.WaitUntilAsync(() => File.Exists(pidFile), Deadline, "the shell started its child");
        var child = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        ProcessProbe.IsAlive(child).Should().BeTrue();

        await process.DisposeAsync();

        ProcessProbe.IsAlive(process.Id).Should().BeFalse();
        await Eventually.WaitUntilAsync(() => !ProcessProbe.IsAlive(child), TimeSpan.FromSeconds(5), "the grandchild died with its process group");
    }

    [Fact]
    public async Task StopAsync_AlreadyExited_SaysSo()
    {
        await using var process = await FfmpegProcess.StartAsync(new FfmpegCommand("/bin/sh", ["-c", "exit 3"]));
        (await process.Exited.WaitAsync(Deadline)).Should().Be(3);

        (await process.StopAsync(TimeSpan.FromSeconds(1))).Should().Be(ProcessStopOutcome.AlreadyExited);
    }

    [Fact]
    public async Task StartAsync_MissingProgram_ThrowsFileNotFound()
    {
        var act = () => FfmpegProcess.StartAsync(new FfmpegCommand("ffmpeg-that-is-not-installed", []));

        await act.Should().ThrowAsync<FileNotFoundException>().WithMessage("*not found*");
    }

    [Fact]
    public async Task StartAsync_CalledFromAThreadThatEnds_TheProcessOutlivesThatThread()
    {
        // The kill-with-owner signal follows the thread that forked: the launcher's own thread must do it.
        Thread? caller = null;
        var process = await Task.Factory.StartNew(
            () =>
            {
                caller = Thread.CurrentThread;
                return FfmpegProcess.StartAsync(new FfmpegCommand("/bin/sh", ["-c", "exec sleep 60"]));
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();
        await using (process)
        {
            await Eventually.WaitUntilAsync(() => caller is { IsAlive: false }, Deadline, "the calling thread ended");

            (await Task.WhenAny(process.Exited, Task.Delay(50))).Should().NotBe(process.Exited);
            ProcessProbe.IsAlive(process.Id).Should().BeTrue();
        }
    }
}
