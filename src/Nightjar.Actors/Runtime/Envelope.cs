namespace Nightjar.Actors.Runtime;

/// <summary>
/// One mailbox slot. <see cref="Token"/> is null for a plain tell (the hot path), otherwise an <see cref="IReplySink"/>
/// (ask), a <see cref="TimerEntry{TMessage}"/> (timer tick, checked for staleness on delivery) or <see cref="WakeToken"/>.
/// </summary>
internal readonly struct Envelope<TMessage>(TMessage message, object? token)
{
    public TMessage Message { get; } = message;

    public object? Token { get; } = token;
}
