namespace Nightjar.Actors.Runtime;

/// <summary>The one ref object of a cell; equality is identity.</summary>
internal sealed class ActorRef<TMessage>(ActorCell<TMessage> cell) : IActorRef<TMessage>, ICellRef
{
    public ActorCell Cell => cell;

    public string Name => cell.Name;

    public string Path => cell.Path;

    public Task WhenTerminated => cell.WhenTerminated;

    public void Tell(TMessage message) => cell.Tell(message);

    public ValueTask TellAsync(TMessage message, CancellationToken cancellationToken = default) =>
        cell.TellAsync(message, cancellationToken);

    public Task<TReply> AskAsync<TReply>(TMessage message, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        cell.AskAsync<TReply>(message, timeout, cancellationToken);

    public Task<TReply> AskAsync<TReply>(TMessage message, CancellationToken cancellationToken = default) =>
        cell.AskAsync<TReply>(message, cell.System.Options.DefaultAskTimeout, cancellationToken);

    public void Stop() => cell.RequestStop();

    public void Kill() => cell.RequestKill();

    public override string ToString() => cell.Path;
}
