namespace Nightjar.Media.Ffmpeg;

/// <summary>A run ended.</summary>
/// <param name="Run">The run.</param>
/// <param name="ExitCode">The process exit code (128 + signal when killed), null if it never started.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="LastError">The last stderr line (redacted), or the start failure.</param>
/// <param name="Uptime">How long the run was up.</param>
/// <param name="RestartDelay">When the next run starts; null when the supervisor stops.</param>
/// <param name="At">When it ended.</param>
public sealed record RunExited(
    int Run,
    int? ExitCode,
    RunExitReason Reason,
    string? LastError,
    TimeSpan Uptime,
    TimeSpan? RestartDelay,
    DateTimeOffset At) : ISupervisorEvent;
