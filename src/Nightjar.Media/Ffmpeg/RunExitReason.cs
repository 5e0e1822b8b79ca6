namespace Nightjar.Media.Ffmpeg;

/// <summary>Why a supervised run ended.</summary>
public enum RunExitReason
{
    /// <summary>The process exited by itself, whatever the code (a source timeout exits with 0, media.md E4).</summary>
    Exited = 0,

    /// <summary>No progress advance within the stall timeout; the supervisor stopped it.</summary>
    Stalled = 1,

    /// <summary>The owner asked for a restart (e.g. the file stopped growing, the relay lost the push).</summary>
    RestartRequested = 2,

    /// <summary>The supervisor was stopped.</summary>
    Stopped = 3,

    /// <summary>The process could not be started (or the command could not be built).</summary>
    StartFailed = 4,
}
