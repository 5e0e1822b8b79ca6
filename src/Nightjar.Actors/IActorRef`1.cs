namespace Nightjar.Actors;

/// <summary>A typed reference to an actor whose protocol is <typeparamref name="TMessage"/>.</summary>
/// <remarks>
/// Refs are cheap, thread-safe and stay valid after the actor stops: messages to a stopped actor become dead letters
/// and asks to it fail fast with <see cref="ActorStoppedException"/>.
/// </remarks>
public interface IActorRef<in TMessage> : IActorRef
{
    /// <summary>
    /// Queues <paramref name="message"/> without waiting. When a bounded mailbox is full, the actor's
    /// <see cref="MailboxFullMode"/> decides: the drop modes drop a message, <see cref="MailboxFullMode.Fail"/> and
    /// <see cref="MailboxFullMode.Wait"/> throw <see cref="MailboxFullException"/> (use <see cref="TellAsync"/> to wait).
    /// </summary>
    void Tell(TMessage message);

    /// <summary>
    /// Queues <paramref name="message"/>, waiting for room when the mailbox is bounded with
    /// <see cref="MailboxFullMode.Wait"/> (back-pressure). Completes when the message is queued or dead-lettered.
    /// </summary>
    ValueTask TellAsync(TMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends <paramref name="message"/> and waits for the handler's <see cref="ActorContext{TMessage}.Respond{T}"/>.
    /// Fails with <see cref="AskTimeoutException"/> after <paramref name="timeout"/> (measured by the system's
    /// <see cref="TimeProvider"/>), with the handler's exception when it throws, with <see cref="NoReplyException"/>
    /// when it returns without replying, and with <see cref="ActorStoppedException"/> when the actor is or becomes stopped.
    /// </summary>
    Task<TReply> AskAsync<TReply>(TMessage message, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="AskAsync{TReply}(TMessage, TimeSpan, CancellationToken)"/> with the system's default ask timeout.</summary>
    Task<TReply> AskAsync<TReply>(TMessage message, CancellationToken cancellationToken = default);
}
