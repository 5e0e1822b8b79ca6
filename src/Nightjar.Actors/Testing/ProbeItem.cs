namespace Nightjar.Actors.Testing;

/// <summary>What a probe received: a message (with the reply owed if it was asked) or a death-watch notification.</summary>
internal readonly record struct ProbeItem<T>(T Message, ReplyHandle Reply, Terminated? Terminated)
{
    public static ProbeItem<T> OfMessage(T message, ReplyHandle reply) => new(message, reply, null);

    public static ProbeItem<T> OfTerminated(Terminated terminated) => new(default!, ReplyHandle.None, terminated);

    public override string ToString() =>
        Terminated is { } t ? $"Terminated({t.Actor.Path})" : $"{Message?.GetType().Name ?? "null"} {Message}";
}
