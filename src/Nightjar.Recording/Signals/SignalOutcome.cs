namespace Nightjar.Recording.Signals;

/// <summary>What became of a reported <see cref="CameraSignal"/>.</summary>
public enum SignalOutcome
{
    /// <summary>It changed something and was journaled.</summary>
    Recorded = 0,

    /// <summary>It repeated the current state (or arrived out of order) and changed nothing.</summary>
    Duplicate = 1,

    /// <summary>No such camera.</summary>
    UnknownCamera = 2,
}
