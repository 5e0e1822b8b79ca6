namespace Nightjar.Actors.Runtime;

/// <summary>Messages of the system lane, which an actor's loop drains before every user message.</summary>
internal abstract record SystemMessage
{
    /// <summary>Graceful (<paramref name="Drain"/>) or immediate stop.</summary>
    public sealed record Stop(bool Drain) : SystemMessage;

    /// <summary>The backoff of restart number <paramref name="Generation"/> has elapsed.</summary>
    public sealed record BackoffElapsed(int Generation) : SystemMessage;

    /// <summary>A child escalated <paramref name="Error"/>: the receiver fails with it.</summary>
    public sealed record ChildFailed(ActorCell Child, Exception Error) : SystemMessage;

    /// <summary>The parent resumed after an escalation: carry on with the current instance.</summary>
    public sealed record Resume : SystemMessage;

    /// <summary>Start watching <paramref name="Target"/> (used where the watcher is not on its own thread, e.g. probes).</summary>
    public sealed record Watch(ActorCell Target) : SystemMessage;

    /// <summary>A watched actor has stopped.</summary>
    public sealed record WatchedTerminated(ActorCell Target, Terminated Terminated) : SystemMessage;
}
