using System.Globalization;

namespace Nightjar.Media.Tests.TestCameras;

/// <summary>Generates MPEG-TS test clips with ffmpeg (a test pattern with a fixed GOP).</summary>
public static class TsClip
{
    /// <summary>Codec of a generated clip.</summary>
    public enum Codec
    {
        H264,
        H265,
    }

    /// <summary>
    /// Writes a clip like the recorder's files: <paramref name="seconds"/> of 320x180 video at
    /// <paramref name="fps"/> with a keyframe every <paramref name="gopFrames"/> frames, optional AAC
    /// audio and B-frames.
    /// </summary>
    public static async Task<string> CreateAsync(
        string path,
        double seconds,
        int fps = 25,
        int gopFrames = 25,
        Codec codec = Codec.H264,
        bool audio = false,
        bool bFrames = false,
        string size = "320x180")
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=size={size}:rate={fps}" };
        if (audio)
        {
            args.AddRange(["-f", "lavfi", "-i", "sine=f=440:r=16000"]);
        }

        args.AddRange(["-t", seconds.ToString(CultureInfo.InvariantCulture), "-map", "0:v"]);
        var gop = gopFrames.ToString(CultureInfo.InvariantCulture);
        if (codec == Codec.H265)
        {
            args.AddRange(["-c:v", "libx265", "-preset", "ultrafast", "-x265-params", $"keyint={gop}:min-keyint={gop}:scenecut=0:bframes={(bFrames ? 3 : 0)}:log-level=error"]);
        }
        else
        {
            args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-g", gop, "-keyint_min", gop, "-sc_threshold", "0", "-bf", bFrames ? "2" : "0"]);
        }

        args.AddRange(["-pix_fmt", "yuv420p"]);
        if (audio)
        {
            args.AddRange(["-map", "1:a", "-c:a", "aac", "-b:a", "32k"]);
        }

        args.AddRange(["-f", "mpegts", "-mpegts_flags", "+initial_discontinuity", path]);
        var result = await ToolRunner.RunAsync("ffmpeg", args, TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not generate {path}: {result.StandardError}");
        }

        return path;
    }
}
