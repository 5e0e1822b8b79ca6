using System.Threading.Channels;

namespace Nightjar.Actors.Testing;

/// <summary>The actor behind a <see cref="TestProbe{T}"/>: records everything it receives for the test to inspect.</summary>
internal sealed class ProbeActor<T>(ChannelWriter<ProbeItem<T>> received) : Actor<T>
{
    protected override ValueTask ReceiveAsync(T message)
    {
        var reply = Context.IsAsk ? Context.DeferReply() : ReplyHandle.None;
        received.TryWrite(ProbeItem<T>.OfMessage(message, reply));
        return ValueTask.CompletedTask;
    }

    protected override ValueTask OnTerminatedAsync(Terminated terminated)
    {
        received.TryWrite(ProbeItem<T>.OfTerminated(terminated));
        return ValueTask.CompletedTask;
    }
}
