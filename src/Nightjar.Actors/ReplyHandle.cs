using Nightjar.Actors.Runtime;

namespace Nightjar.Actors;

/// <summary>
/// A reply promised beyond the current handler (see <see cref="ActorContext{TMessage}.DeferReply"/>). Thread-safe; the
/// first completion wins. If the actor stops or restarts first, the asker gets the reason instead.
/// </summary>
public sealed class ReplyHandle
{
    internal ReplyHandle(IReplySink? sink) => Sink = sink;

    /// <summary>The handle of a message that was told, not asked: completing it does nothing.</summary>
    public static ReplyHandle None { get; } = new(null);

    public bool IsAsk => Sink is not null;

    public bool IsCompleted => Sink?.IsCompleted ?? true;

    internal IReplySink? Sink { get; }

    /// <summary>True when this call delivered the reply.</summary>
    public bool Respond<T>(T reply) => Sink?.TryReply(reply) ?? false;

    /// <summary>Fails the ask with <paramref name="error"/>; true when this call completed it.</summary>
    public bool Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Sink?.TryFail(error) ?? false;
    }
}
