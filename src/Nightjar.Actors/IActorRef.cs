namespace Nightjar.Actors;

/// <summary>
/// The untyped face of an actor: enough to name it, watch it and stop it, without knowing its protocol.
/// </summary>
public interface IActorRef
{
    /// <summary>The actor's name, unique among its siblings.</summary>
    string Name { get; }

    /// <summary>The actor's path from the root of its system, for example <c>/user/cameras/lobby</c>.</summary>
    string Path { get; }

    /// <summary>Completes (never faults) once the actor, its children and its <c>StoppedAsync</c> hook have finished.</summary>
    Task WhenTerminated { get; }

    /// <summary>
    /// Graceful stop: the mailbox is closed to new messages, what is already queued is processed, then the actor
    /// and its children stop. Safe to call from any thread, any number of times.
    /// </summary>
    void Stop();

    /// <summary>
    /// Immediate stop: <see cref="ActorContext{TMessage}.Aborted"/> is cancelled, the message being processed is the
    /// last one, queued messages become dead letters and pending asks fail with <see cref="ActorStoppedException"/>.
    /// </summary>
    void Kill();
}
