using System.Globalization;
using System.Text.RegularExpressions;
using Nightjar.Media.Simulation;
using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Simulation;

/// <summary>The clips are what the fleet promises: camera-like H.264, and a motion oracle that is true.</summary>
public sealed partial class SimulatedClipsTests
{
    [Fact]
    public async Task MotionClip_MovesOnlyInsideItsMotionWindow()
    {
        var clip = await TestClips.MotionAsync();

        var result = await Tool.RunAsync(
            "ffmpeg",
            ["-hide_banner", "-nostdin", "-i", clip, "-map", "0:v:0", "-vf", "freezedetect=n=0.003:d=1", "-f", "null", "-"],
            TimeSpan.FromSeconds(60));
        // Re-encoded noise breaks a freeze at every keyframe (media.md §6): merge the touching pieces.
        var freezes = Merge(Freezes(result.Stderr));

        result.ExitCode.Should().Be(0, result.ToString());
        var window = SimulatedClips.MotionWindows.Single();
        freezes.Should().Contain(f => f.Start < 1.5 && f.End >= window.Start.TotalSeconds - 0.1, "the scene is still before the window");
        freezes.Should().Contain(f => f.Start <= window.End.TotalSeconds + 1.2 && f.End >= 29, "and still again after it");
        freezes.Should().NotContain(f => f.End > window.Start.TotalSeconds + 0.5 && f.Start < window.End.TotalSeconds - 0.5, "the box moves throughout the window");
        SimulatedClips.HasMotionAt(SimulatedClipKind.Motion, TimeSpan.FromSeconds(45)).Should().BeTrue("windows repeat every 30 s loop");
        SimulatedClips.HasMotionAt(SimulatedClipKind.Motion, TimeSpan.FromSeconds(55)).Should().BeFalse();
        SimulatedClips.HasMotionAt(SimulatedClipKind.Static, TimeSpan.FromSeconds(15)).Should().BeFalse();
    }

    [Fact]
    public async Task Clips_AreCameraLikeH264()
    {
        var motion = await MediaTools.ProbeAsync(await TestClips.MotionAsync(), countFrames: true);
        var still = await MediaTools.ProbeAsync(await TestClips.StaticAsync());
        var keyframes = await Tool.RunAsync(
            "ffprobe",
            ["-v", "error", "-select_streams", "v:0", "-skip_frame", "nokey", "-count_frames", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", await TestClips.MotionAsync()],
            TimeSpan.FromSeconds(30));

        motion.Codec.Should().Be("h264");
        (motion.Width, motion.Height).Should().Be((1280, 720));
        motion.Frames.Should().Be(750, "30 s at 25 fps");
        int.Parse(keyframes.Stdout.Trim(), CultureInfo.InvariantCulture).Should().Be(30, "one keyframe per second (keyint 25)");
        (still.Codec, still.Width, still.Height).Should().Be(("h264", 1280, 720));
        new FileInfo(await TestClips.MotionAsync()).Length.Should().BeInRange(2_500_000, 5_000_000, "about 1 Mbit/s for 30 s");
    }

    private static List<(double Start, double End)> Merge(List<(double Start, double End)> freezes)
    {
        var merged = new List<(double Start, double End)>();
        foreach (var freeze in freezes.OrderBy(f => f.Start))
        {
            if (merged.Count > 0 && freeze.Start - merged[^1].End < 0.15)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, freeze.End));
            }
            else
            {
                merged.Add(freeze);
            }
        }

        return merged;
    }

    private static List<(double Start, double End)> Freezes(string log)
    {
        var starts = FreezeStart().Matches(log).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var ends = FreezeEnd().Matches(log).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return starts.Select((start, i) => (start, i < ends.Count ? ends[i] : double.MaxValue)).ToList();
    }

    [GeneratedRegex(@"freeze_start: ([0-9.]+)")]
    private static partial Regex FreezeStart();

    [GeneratedRegex(@"freeze_end: ([0-9.]+)")]
    private static partial Regex FreezeEnd();
}
