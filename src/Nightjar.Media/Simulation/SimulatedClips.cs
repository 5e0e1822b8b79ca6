using System.Globalization;

namespace Nightjar.Media.Simulation;

/// <summary>
/// The clips simulated cameras loop: encoded once with libx264 (closed 1 s GOPs, no B-frames, like cameras) with an
/// AAC track, cached by their settings, then published with stream copy (cheap). The container is Matroska, not
/// MPEG-TS: ffmpeg's rtsp muxer needs global headers ("AAC with no global headers is currently not supported"), and
/// with them the SDP also carries the H.264 sprop-parameter-sets.
/// The motion clip is the motion oracle for later tests: something moves exactly inside <see cref="MotionWindows"/>.
/// </summary>
public static class SimulatedClips
{
    private const string FormatVersion = "v2";
    private static readonly SemaphoreSlim EncodeGate = new(1, 1);

    /// <summary>Length of one loop of every clip.</summary>
    public static TimeSpan Duration { get; } = TimeSpan.FromSeconds(30);

    /// <summary>When the box moves in the motion clip (clip time; repeats every <see cref="Duration"/>).</summary>
    public static IReadOnlyList<SimulatedMotionWindow> MotionWindows { get; } =
        [new SimulatedMotionWindow(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20))];

    /// <summary>The motion windows of a clip kind (none for the static clip).</summary>
    public static IReadOnlyList<SimulatedMotionWindow> WindowsOf(SimulatedClipKind kind) =>
        kind == SimulatedClipKind.Motion ? MotionWindows : [];

    /// <summary>Whether something moves at <paramref name="streamOffset"/> after a publisher started looping the clip.</summary>
    public static bool HasMotionAt(SimulatedClipKind kind, TimeSpan streamOffset)
    {
        var clipOffset = TimeSpan.FromTicks(streamOffset.Ticks % Duration.Ticks);
        foreach (var window in WindowsOf(kind))
        {
            if (window.Contains(clipOffset))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The cache file name, which encodes every setting that changes the clip.</summary>
    public static string FileName(SimulatedClipKind kind, SimulatedCameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(kind == SimulatedClipKind.Motion ? "motion" : "static")}-{options.Width}x{options.Height}-{options.FrameRate}fps-g{options.GopFrames}-{options.BitrateKbps}k-{FormatVersion}.mkv");
    }

    /// <summary>Returns the path of the clip, encoding it first if the cache does not hold it yet.</summary>
    /// <exception cref="InvalidOperationException">ffmpeg is missing or failed; the message says why.</exception>
    public static async Task<string> EnsureAsync(SimulatedClipKind kind, SimulatedCameraOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.Combine(options.ClipDirectory, FileName(kind, options));
        if (File.Exists(path))
        {
            return path;
        }

        await EncodeGate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(path))
            {
                return path;
            }

            Directory.CreateDirectory(options.ClipDirectory);
            var temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
            var (exitCode, errors) = await SimulationProcess.RunAsync(options.FfmpegPath, EncodeArguments(kind, options, temporary), cancellationToken);
            if (exitCode != 0 || !File.Exists(temporary))
            {
                File.Delete(temporary);
                throw new InvalidOperationException($"Encoding the {kind} clip with '{options.FfmpegPath}' failed (exit {exitCode}): {errors}");
            }

            // Rename last, so a crash mid-encode never leaves a truncated clip in the cache.
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            EncodeGate.Release();
        }
    }

    internal static IReadOnlyList<string> EncodeArguments(SimulatedClipKind kind, SimulatedCameraOptions options, string output)
    {
        var size = string.Create(CultureInfo.InvariantCulture, $"{options.Width}x{options.Height}");
        var rate = options.FrameRate.ToString(CultureInfo.InvariantCulture);
        var seconds = ((int)Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var box = (options.Height / 6 / 2 * 2).ToString(CultureInfo.InvariantCulture);
        var window = MotionWindows[0];
        var start = window.Start.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        var length = (window.End - window.Start).TotalSeconds.ToString(CultureInfo.InvariantCulture);

        // Light temporal noise makes the bitrate camera-like; a motion detector must tolerate it (as with real sensors).
        var graph = kind == SimulatedClipKind.Motion
            ? $"color=c=0x404040:s={size}:r={rate}:d={seconds}[bg];color=c=white:s={box}x{box}:r={rate}:d={seconds}[box];"
              + $"[bg][box]overlay=x='(main_w-overlay_w)*(t-{start})/{length}':y='(main_h-overlay_h)/2':enable='gte(t,{start})*lt(t,{window.End.TotalSeconds.ToString(CultureInfo.InvariantCulture)})',"
              + "noise=alls=4:allf=t,format=yuv420p[v]"
            : $"smptehdbars=s={size}:r={rate}:d={seconds},noise=alls=4:allf=t,format=yuv420p[v]";
        var kbps = options.BitrateKbps;
        return
        [
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=16000:duration={seconds}",
            "-filter_complex", graph,
            "-map", "[v]", "-map", "0:a",
            "-t", seconds,
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-pix_fmt", "yuv420p", "-bf", "0",
            "-g", options.GopFrames.ToString(CultureInfo.InvariantCulture),
            "-keyint_min", options.GopFrames.ToString(CultureInfo.InvariantCulture), "-sc_threshold", "0",
            "-b:v", string.Create(CultureInfo.InvariantCulture, $"{kbps}k"),
            "-maxrate", string.Create(CultureInfo.InvariantCulture, $"{kbps * 6 / 5}k"),
            "-bufsize", string.Create(CultureInfo.InvariantCulture, $"{kbps}k"),
            "-c:a", "aac", "-b:a", "32k", "-ac", "1",
            "-f", "matroska", output,
        ];
    }
}
