using System.Globalization;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>ffmpeg/ffprobe/GStreamer invocations shared by the interop tests.</summary>
internal static class MediaTools
{
    public static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(20);

    /// <summary>Loops a clip into the relay like a camera ingest: <c>-re -stream_loop -1 … -c copy -f rtsp</c>.</summary>
    public static RunningTool Publish(string clip, string url, bool audio = false)
    {
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1", "-i", clip, "-map", "0:v:0", "-c:v", "copy" };
        arguments.AddRange(audio ? ["-map", "0:a:0", "-c:a", "copy"] : ["-an"]);
        arguments.AddRange(["-f", "rtsp", "-rtsp_transport", "tcp", url]);
        return Tool.Launch("ffmpeg", arguments);
    }

    /// <summary>ffprobe the first video stream of a URL or file: codec, size, and optionally the frames read.</summary>
    public static async Task<ProbeResult> ProbeAsync(string input, string? transport = null, bool countFrames = false, TimeSpan? deadline = null)
    {
        var arguments = new List<string> { "-v", "error" };
        if (transport is not null)
        {
            arguments.AddRange(["-rtsp_transport", transport]);
        }

        if (countFrames)
        {
            arguments.Add("-count_frames");
        }

        arguments.AddRange(["-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height,nb_read_frames:format=duration", "-of", "default=noprint_wrappers=1", input]);
        var result = await Tool.RunAsync("ffprobe", arguments, deadline ?? ProbeDeadline);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq]] = line[(eq + 1)..];
            }
        }

        return new ProbeResult(result, values);
    }

    /// <summary>Reads an RTSP URL with ffmpeg for a while, stream-copying video into a TS file.</summary>
    public static Task<ToolResult> RecordAsync(string url, string transport, double seconds, string output, TimeSpan deadline) =>
        Tool.RunAsync(
            "ffmpeg",
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-rtsp_transport", transport, "-timeout", "5000000", "-i", url, "-map", "0:v:0", "-c", "copy", "-t", seconds.ToString(CultureInfo.InvariantCulture), "-y", output],
            deadline);

    internal sealed record ProbeResult(ToolResult Tool, IReadOnlyDictionary<string, string> Values)
    {
        public string? Codec => Values.GetValueOrDefault("codec_name");

        public int Width => int.TryParse(Values.GetValueOrDefault("width"), CultureInfo.InvariantCulture, out var w) ? w : 0;

        public int Height => int.TryParse(Values.GetValueOrDefault("height"), CultureInfo.InvariantCulture, out var h) ? h : 0;

        public int Frames => int.TryParse(Values.GetValueOrDefault("nb_read_frames"), CultureInfo.InvariantCulture, out var f) ? f : 0;

        public double Duration => double.TryParse(Values.GetValueOrDefault("duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
    }
}
