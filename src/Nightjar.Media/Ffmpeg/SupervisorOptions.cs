namespace Nightjar.Media.Ffmpeg;

/// <summary>Settings of a <see cref="ProcessSupervisor"/> (defaults from media.md 7.1).</summary>
public sealed record SupervisorOptions
{
    /// <summary>No progress advance for this long means stalled.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After a start, stall checks wait this long (connecting and probing take a while).</summary>
    public TimeSpan StartGrace { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Between SIGTERM and SIGKILL when stopping.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the health checks run.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Delays between restarts.</summary>
    public IReadOnlyList<TimeSpan> BackoffSchedule { get; init; } = RestartBackoff.DefaultSchedule;

    /// <summary>A run up for this long resets the backoff.</summary>
    public TimeSpan HealthyRunDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How the processes are started.</summary>
    public FfmpegProcessOptions Process { get; init; } = new();
}
