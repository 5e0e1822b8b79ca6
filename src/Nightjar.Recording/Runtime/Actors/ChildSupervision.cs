using Nightjar.Actors;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>How the engine's actors supervise their children.</summary>
internal static class ChildSupervision
{
    /// <summary>
    /// Restart on any failure, 1 s to 30 s apart, and never give up: a recorder that stops for good after a burst of
    /// errors (a disk hiccup, a journal outage) loses video; one that keeps retrying recovers when the cause goes.
    /// </summary>
    public static SupervisorStrategy Forever { get; } = new()
    {
        MinBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(30),
        MaxRestarts = -1,
    };
}
