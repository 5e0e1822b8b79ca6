using Microsoft.Extensions.Logging;
using Nightjar.Actors.Runtime;

namespace Nightjar.Actors;

/// <summary>
/// What an actor can do besides handling messages: reply, spawn and watch, use timers, stop itself. Not thread-safe:
/// use it only from the actor's own handlers and hooks.
/// </summary>
public sealed class ActorContext<TMessage>
{
    private readonly ActorCell<TMessage> _cell;

    internal ActorContext(ActorCell<TMessage> cell) => _cell = cell;

    public IActorRef<TMessage> Self => _cell.Self;

    /// <summary>Null for a top-level actor.</summary>
    public IActorRef? Parent => _cell.Parent?.Ref;

    public ActorSystem System => _cell.System;

    /// <summary>The system's clock; use it rather than any other source of time.</summary>
    public TimeProvider TimeProvider => _cell.System.TimeProvider;

    /// <summary>A logger named after the actor's class (a null logger inside the very first constructor call).</summary>
    public ILogger Log => _cell.UserLogger;

    /// <summary>Cancelled when the actor is killed (at once) or stops, and when its current instance fails.</summary>
    public CancellationToken Aborted => _cell.AbortToken;

    public TimerScheduler<TMessage> Timers => _cell.Timers;

    /// <summary>True while handling a message that was asked rather than told.</summary>
    public bool IsAsk => _cell.IsAsk;

    public IReadOnlyCollection<IActorRef> Children => _cell.Children.Select(static c => c.Ref).ToArray();

    public IActorRef? GetChild(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _cell.GetChild(name)?.Ref;
    }

    /// <summary>
    /// Creates a child, supervised by this actor. <paramref name="name"/> must be unique among living siblings (null
    /// generates one). The child's first instance is built before this returns, so a throwing constructor throws here.
    /// </summary>
    public IActorRef<TChild> Spawn<TChild>(string? name, Func<Actor<TChild>> factory, SpawnOptions? options = null)
    {
        if (!_cell.CanSpawnChildren)
        {
            throw new InvalidOperationException($"Actor '{_cell.Path}' is stopping and cannot spawn children.");
        }

        return _cell.System.SpawnCore(_cell, name, factory, options);
    }

    /// <summary>Asks for <see cref="Actor{TMessage}.OnTerminatedAsync"/> when <paramref name="actor"/> stops (at once if it already has).</summary>
    public void Watch(IActorRef actor) => _cell.WatchFromActor(CellOf(actor));

    public void Unwatch(IActorRef actor) => _cell.UnwatchFromActor(CellOf(actor));

    /// <summary>Graceful stop of this actor once the messages already queued have been processed.</summary>
    public void Stop() => _cell.RequestStop();

    /// <summary>Replies to the ask being handled; does nothing when the message was told.</summary>
    public void Respond<T>(T reply) => _cell.Respond(reply);

    /// <summary>
    /// Takes over the reply to the ask being handled, to give it after this handler returns (for example from a later
    /// message). Without this, an ask handled without <see cref="Respond{T}"/> fails with <see cref="NoReplyException"/>.
    /// </summary>
    public ReplyHandle DeferReply() => _cell.DeferReply();

    /// <summary>Sends the outcome of <paramref name="task"/> back to this actor as a message, without blocking the mailbox.</summary>
    public void PipeToSelf<T>(Task<T> task, Func<T, TMessage> onSuccess, Func<Exception, TMessage> onFailure)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(onSuccess);
        ArgumentNullException.ThrowIfNull(onFailure);
        _ = PipeAsync(_cell, task, onSuccess, onFailure);
    }

    private static async Task PipeAsync<T>(ActorCell<TMessage> cell, Task<T> task, Func<T, TMessage> onSuccess, Func<Exception, TMessage> onFailure)
    {
        T result = default!;
        Exception? failure = null;
        try
        {
            result = await task;
        }
        catch (Exception error)
        {
            failure = error;
        }

        TMessage message;
        try
        {
            message = failure is null ? onSuccess(result) : onFailure(failure);
        }
        catch (Exception mappingError)
        {
            cell.System.ReportPipeFailure(cell.Path, mappingError);
            return;
        }

        cell.PostFromRuntime(message);
    }

    private static ActorCell CellOf(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is ICellRef cellRef
            ? cellRef.Cell
            : throw new ArgumentException($"'{actor.Path}' is not an actor of this runtime.", nameof(actor));
    }
}
