using System.Collections.Concurrent;

namespace Nightjar.Actors.Runtime;

/// <summary>
/// The runtime side of one actor, independent of its message type: identity, place in the tree, the system lane and
/// how its single reader loop parks and is woken. <see cref="ActorCell{TMessage}"/> adds the mailbox and the loop.
/// </summary>
internal abstract partial class ActorCell
{
    private const int NotParked = 0;
    private const int ParkedOnMailbox = 1;
    private const int ParkedOnSignal = 2;

    private readonly ConcurrentQueue<SystemMessage> _systemLane = new();
    private readonly TaskCompletionSource _whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _systemPending;
    private int _parked;
    private TaskCompletionSource? _signal;

    /// <summary>Messages processed; written only by the loop, read by metric collection.</summary>
    private protected long _processed;

    protected ActorCell(ActorSystem system, ActorCell? parent, string name)
    {
        System = system;
        Parent = parent;
        Name = name;
        Path = (parent?.Path ?? "/user") + "/" + name;
    }

    public ActorSystem System { get; }

    public ActorCell? Parent { get; }

    public string Name { get; }

    public string Path { get; }

    /// <summary>The actor's class name: the metric tag, bounded in cardinality unlike paths.</summary>
    public string TypeName { get; private protected set; } = "Actor";

    public abstract IActorRef Ref { get; }

    public Task WhenTerminated => _whenTerminated.Task;

    public long ProcessedCount => Volatile.Read(ref _processed);

    public abstract long MailboxDepth { get; }

    /// <summary>The strategy this actor wants for its children, or null for the system default.</summary>
    public abstract SupervisorStrategy? ChildStrategy { get; }

    public abstract void RequestStop();

    public abstract void RequestKill();

    /// <summary>Queues a system message and wakes the loop wherever it is parked. Any thread.</summary>
    public void PostSystem(SystemMessage message)
    {
        _systemLane.Enqueue(message);

        // Full fences on both sides (here and in the Park methods) make the classic store-then-load handshake safe:
        // either the loop sees the pending flag before parking, or we see that it parked and wake it.
        Interlocked.Exchange(ref _systemPending, 1);
        switch (Interlocked.Exchange(ref _parked, NotParked))
        {
            case ParkedOnMailbox:
                WakeMailbox();
                break;
            case ParkedOnSignal:
                Volatile.Read(ref _signal)?.TrySetResult();
                break;
        }
    }

    private protected abstract void WakeMailbox();

    private protected bool HasSystemMessages => Volatile.Read(ref _systemPending) != 0;

    /// <summary>Clears the pending flag before draining, so a message posted during the drain raises it again.</summary>
    private protected void BeginSystemDrain() => Interlocked.Exchange(ref _systemPending, 0);

    private protected bool TryTakeSystemMessage(out SystemMessage message) =>
        _systemLane.TryDequeue(out message!);

    /// <summary>Announces that the loop is about to wait on its mailbox; false when a system message is already pending.</summary>
    private protected bool TryParkOnMailbox()
    {
        Interlocked.Exchange(ref _parked, ParkedOnMailbox);
        if (HasSystemMessages)
        {
            Unpark();
            return false;
        }

        return true;
    }

    /// <summary>For a suspended loop, which must not read its mailbox: a task completed by the next system message.</summary>
    private protected Task? TryParkOnSignal()
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _signal, signal);
        Interlocked.Exchange(ref _parked, ParkedOnSignal);
        if (HasSystemMessages)
        {
            Unpark();
            return null;
        }

        return signal.Task;
    }

    private protected void Unpark() => Interlocked.Exchange(ref _parked, NotParked);

    private protected void CompleteWhenTerminated() => _whenTerminated.TrySetResult();
}
