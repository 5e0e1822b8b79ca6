namespace Nightjar.Media.Simulation;

/// <summary>Live view of one simulated camera of a <see cref="SimulatedCameraFleet"/>.</summary>
public sealed class SimulatedCamera
{
    private int _processId;
    private int _restarts;
    private long _startedAtUnixMs;

    internal SimulatedCamera(int number, string path, Uri url, SimulatedClipKind clip, SimulatedAudio audio)
    {
        Number = number;
        Path = path;
        Url = url;
        Clip = clip;
        Audio = audio;
    }

    /// <summary>1-based camera number.</summary>
    public int Number { get; }

    /// <summary>Relay path without leading slash, e.g. <c>sim/cam1</c>.</summary>
    public string Path { get; }

    /// <summary>The URL readers use (no credentials).</summary>
    public Uri Url { get; }

    public SimulatedClipKind Clip { get; }

    public SimulatedAudio Audio { get; }

    /// <summary>When something moves, in clip time from the start of each loop (empty for a static camera).</summary>
    public IReadOnlyList<SimulatedMotionWindow> MotionWindows => SimulatedClips.WindowsOf(Clip);

    /// <summary>The running publisher process (ffmpeg), or null while it is restarting or stopped.</summary>
    public int? ProcessId => Volatile.Read(ref _processId) is var id && id != 0 ? id : null;

    public bool IsRunning => ProcessId is not null;

    /// <summary>How many times the publisher process died and was started again.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>When the current publisher process started: clip time 0 of its first loop, give or take its startup.</summary>
    public DateTimeOffset? StartedAt =>
        Interlocked.Read(ref _startedAtUnixMs) is var ms && ms != 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public override string ToString() => $"{Path} ({Clip}, {Audio})";

    internal void MarkRunning(int processId, DateTimeOffset startedAt)
    {
        Interlocked.Exchange(ref _startedAtUnixMs, startedAt.ToUnixTimeMilliseconds());
        Volatile.Write(ref _processId, processId);
    }

    internal void MarkStopped() => Volatile.Write(ref _processId, 0);

    internal void CountRestart() => Interlocked.Increment(ref _restarts);
}
