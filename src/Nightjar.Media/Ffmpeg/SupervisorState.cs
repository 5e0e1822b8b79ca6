namespace Nightjar.Media.Ffmpeg;

/// <summary>What a <see cref="ProcessSupervisor"/> is doing.</summary>
public enum SupervisorState
{
    /// <summary>Not started yet.</summary>
    Idle = 0,

    /// <summary>A run is up.</summary>
    Running = 1,

    /// <summary>Waiting out the backoff before the next start.</summary>
    BackingOff = 2,

    /// <summary>Stopped for good.</summary>
    Stopped = 3,
}
