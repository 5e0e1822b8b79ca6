using Nightjar.Media.Simulation;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>The simulated-camera clips, encoded once per machine (cached across runs) and shared by all tests.</summary>
internal static class TestClips
{
    private static readonly Lazy<Task<string>> MotionClip = new(() => EnsureAsync(SimulatedClipKind.Motion));
    private static readonly Lazy<Task<string>> StaticClip = new(() => EnsureAsync(SimulatedClipKind.Static));

    public static string Directory { get; } = Path.Combine(Path.GetTempPath(), "nightjar-test-clips");

    public static SimulatedCameraOptions Options(Action<SimulatedCameraOptions>? configure = null)
    {
        var options = new SimulatedCameraOptions { ClipDirectory = Directory };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>1280x720, 25 fps, 1 s GOP, ~1 Mbit/s H.264 with AAC; 30 s; a box moves during 10–20 s.</summary>
    public static Task<string> MotionAsync() => MotionClip.Value;

    public static Task<string> StaticAsync() => StaticClip.Value;

    private static async Task<string> EnsureAsync(SimulatedClipKind kind)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        return await SimulatedClips.EnsureAsync(kind, Options(), cts.Token);
    }
}
