namespace Nightjar.Actors;

/// <summary>The actor addressed by an ask (or owing a deferred reply) is stopped, so no reply will ever come.</summary>
public sealed class ActorStoppedException : Exception
{
    public ActorStoppedException()
        : this("The actor is stopped.")
    {
    }

    public ActorStoppedException(string message)
        : base(message)
    {
        ActorPath = string.Empty;
    }

    public ActorStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
        ActorPath = string.Empty;
    }

    internal ActorStoppedException(string actorPath, bool stoppedBeforeReply)
        : base(stoppedBeforeReply
            ? $"Actor '{actorPath}' stopped before it replied."
            : $"Actor '{actorPath}' is stopped.")
    {
        ActorPath = actorPath;
    }

    public string ActorPath { get; }
}
