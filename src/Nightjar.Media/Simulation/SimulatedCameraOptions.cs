namespace Nightjar.Media.Simulation;

/// <summary>Settings of <see cref="SimulatedCameraFleet"/> (what <c>nightjar sim</c> exposes as flags).</summary>
public sealed class SimulatedCameraOptions
{
    /// <summary>Number of cameras; they publish to <c>{RtspUrl}/{PathPrefix}1..N</c>.</summary>
    public int Cameras { get; set; } = 1;

    /// <summary>The relay to publish into (scheme, host, port; user info is used as publisher credentials).</summary>
    public Uri RtspUrl { get; set; } = new("rtsp://127.0.0.1:8554");

    public string PathPrefix { get; set; } = "sim/cam";

    /// <summary>When true, odd cameras (cam1, cam3…) loop the motion clip; otherwise every camera loops the static clip.</summary>
    public bool Motion { get; set; }

    public SimulatedAudio Audio { get; set; } = SimulatedAudio.None;

    /// <summary>Where encoded clips are cached (encoded once, reused by every later run with the same settings).</summary>
    public string ClipDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "nightjar-sim-clips");

    public string FfmpegPath { get; set; } = "ffmpeg";

    public int Width { get; set; } = 1280;

    public int Height { get; set; } = 720;

    public int FrameRate { get; set; } = 25;

    /// <summary>Keyframe interval in frames (25 = one GOP per second at 25 fps).</summary>
    public int GopFrames { get; set; } = 25;

    public int BitrateKbps { get; set; } = 1000;

    /// <summary>First delay before restarting a publisher that died; doubles on each quick failure.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        Check(Cameras is >= 1 and <= 1000, nameof(Cameras), "must be 1..1000");
        Check(RtspUrl is { IsAbsoluteUri: true } && RtspUrl.Scheme == "rtsp", nameof(RtspUrl), "must be an absolute rtsp:// URL");
        Check(!string.IsNullOrWhiteSpace(PathPrefix) && !PathPrefix.Contains('?', StringComparison.Ordinal), nameof(PathPrefix), "must be a path");
        Check(!string.IsNullOrWhiteSpace(ClipDirectory), nameof(ClipDirectory), "must be set");
        Check(!string.IsNullOrWhiteSpace(FfmpegPath), nameof(FfmpegPath), "must be set");
        Check(Width is >= 64 and <= 7680 && Width % 2 == 0, nameof(Width), "must be even, 64..7680");
        Check(Height is >= 64 and <= 4320 && Height % 2 == 0, nameof(Height), "must be even, 64..4320");
        Check(FrameRate is >= 1 and <= 120, nameof(FrameRate), "must be 1..120");
        Check(GopFrames is >= 1 and <= 1000, nameof(GopFrames), "must be 1..1000");
        Check(BitrateKbps is >= 50 and <= 100_000, nameof(BitrateKbps), "must be 50..100000");
        Check(RestartDelay > TimeSpan.Zero && MaxRestartDelay >= RestartDelay, nameof(RestartDelay), "must be positive and at most MaxRestartDelay");
    }

    private static void Check(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Sim:{name} {message}.", name);
        }
    }
}
