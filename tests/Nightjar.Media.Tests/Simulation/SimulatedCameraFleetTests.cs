using System.Diagnostics;
using Nightjar.Media.Simulation;
using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Simulation;

/// <summary>Simulated cameras publish into a real relay, are restarted when their ffmpeg dies, and leave no orphans.</summary>
public sealed class SimulatedCameraFleetTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Fleet_OfThreeCameras_PublishesReadableH264AndSurvivesAKilledPublisher()
    {
        await using var server = await TestRelay.StartAsync();
        var fleet = new SimulatedCameraFleet(TestClips.Options(o =>
        {
            o.Cameras = 3;
            o.Motion = true;
            o.Audio = SimulatedAudio.Aac;
            o.RtspUrl = new Uri(server.Url(string.Empty));
            o.RestartDelay = TimeSpan.FromMilliseconds(200);
        }));
        int[] pids;
        await using (fleet)
        {
            await fleet.StartAsync(CancellationToken.None);
            await Poll.UntilAsync(() => server.GetPaths().Count(p => p.IsLive && p.PacketsReceived > 0) == 3, Deadline, "three cameras publish");

            var probes = await Task.WhenAll(fleet.Cameras.Select(c => MediaTools.ProbeAsync(c.Url.AbsoluteUri, "tcp")));

            fleet.Cameras.Select(c => c.Path).Should().Equal("sim/cam1", "sim/cam2", "sim/cam3");
            fleet.Cameras.Select(c => c.Clip).Should().Equal(SimulatedClipKind.Motion, SimulatedClipKind.Static, SimulatedClipKind.Motion);
            fleet.Cameras[0].MotionWindows.Should().ContainSingle().Which.Should().Be(new SimulatedMotionWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)));
            fleet.Cameras[1].MotionWindows.Should().BeEmpty();
            probes.Should().AllSatisfy(p =>
            {
                p.Tool.ExitCode.Should().Be(0, p.Tool.ToString());
                p.Codec.Should().Be("h264");
                (p.Width, p.Height).Should().Be((1280, 720));
            });
            server.GetPath("sim/cam1")!.Tracks.Select(t => t.Codec).Should().Equal("H264", "MPEG4-GENERIC");

            var victim = fleet.Cameras[1];
            var oldPid = victim.ProcessId!.Value;
            var oldPublication = server.GetPath(victim.Path)!.PublishedAt;
            using (var process = Process.GetProcessById(oldPid))
            {
                process.Kill();
            }

            await Poll.UntilAsync(() => victim.Restarts == 1 && victim.ProcessId is { } pid && pid != oldPid, Deadline, "the dead publisher is started again");
            await Poll.UntilAsync(() => server.GetPath(victim.Path) is { IsLive: true, PacketsReceived: > 0 } p && p.PublishedAt > oldPublication, Deadline, "the restarted camera publishes again");
            fleet.Cameras.Where(c => c != victim).Should().AllSatisfy(c => c.Restarts.Should().Be(0));
            pids = fleet.Cameras.Select(c => c.ProcessId!.Value).ToArray();
        }

        pids.Should().AllSatisfy(pid => IsRunning(pid).Should().BeFalse("disposing the fleet kills every publisher"));
    }

    [Fact]
    public async Task Fleet_WithG711Audio_PublishesPcmu()
    {
        await using var server = await TestRelay.StartAsync();
        await using var fleet = new SimulatedCameraFleet(TestClips.Options(o =>
        {
            o.Audio = SimulatedAudio.G711;
            o.PathPrefix = "g711/cam";
            o.RtspUrl = new Uri(server.Url(string.Empty));
        }));

        await fleet.StartAsync(CancellationToken.None);
        var info = await server.WaitForPublisherAsync("g711/cam1", Deadline);

        info.Tracks.Select(t => (t.MediaType, t.Codec, t.ClockRate)).Should().Equal(("video", "H264", 90000), ("audio", "PCMU", 8000));
    }

    [Fact]
    public void Options_Invalid_AreRejectedNamingTheSetting()
    {
        var act = () => new SimulatedCameraFleet(TestClips.Options(o => o.Cameras = 0));

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("Sim:Cameras");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
