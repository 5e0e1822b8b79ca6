namespace Nightjar.Actors;

/// <summary>Per-actor choices made by whoever spawns it.</summary>
public sealed record SpawnOptions
{
    public static SpawnOptions Default { get; } = new();

    /// <summary>Null means the system's <see cref="ActorSystemOptions.DefaultMailbox"/>.</summary>
    public MailboxOptions? Mailbox { get; init; }

    /// <summary>
    /// How failures of this actor are handled. Null means the parent's <see cref="Actor{TMessage}.SupervisorStrategy"/>
    /// (or, for a top-level actor, <see cref="ActorSystemOptions.DefaultSupervisorStrategy"/>).
    /// </summary>
    public SupervisorStrategy? Supervision { get; init; }
}
