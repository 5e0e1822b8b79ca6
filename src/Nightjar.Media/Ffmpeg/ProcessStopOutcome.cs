namespace Nightjar.Media.Ffmpeg;

/// <summary>How <see cref="FfmpegProcess.StopAsync"/> ended the process.</summary>
public enum ProcessStopOutcome
{
    /// <summary>It had already exited.</summary>
    AlreadyExited = 0,

    /// <summary>It exited after SIGTERM within the grace period.</summary>
    Terminated = 1,

    /// <summary>It ignored SIGTERM and was killed with SIGKILL.</summary>
    Killed = 2,
}
