namespace Nightjar.Actors;

/// <summary>
/// Base class of every actor whose protocol is <typeparamref name="TMessage"/> (typically a marker interface implemented
/// by sealed records). The runtime calls <see cref="ReceiveAsync"/> for one message at a time and awaits it before the
/// next, so fields need no locks. Instances are created by the factory given to <c>Spawn</c>, once per (re)start.
/// </summary>
public abstract class Actor<TMessage>
{
    [ThreadStatic]
    private static ActorContext<TMessage>? _constructing;

    private readonly ActorContext<TMessage> _context;
    private bool _claimed;

    /// <exception cref="InvalidOperationException">When constructed outside a spawn factory.</exception>
    protected Actor()
    {
        _context = _constructing ?? throw new InvalidOperationException(
            $"{GetType().Name} can only be created inside the factory passed to ActorSystem.Spawn or ActorContext.Spawn.");

        // One context, one instance: a factory that builds two actors gets an error instead of two actors sharing a cell.
        _constructing = null;
    }

    /// <summary>The actor's view of the runtime; usable from the constructor on.</summary>
    protected ActorContext<TMessage> Context => _context;

    /// <summary>
    /// Strategy for this actor's children when they were spawned without <see cref="SpawnOptions.Supervision"/>;
    /// null means <see cref="ActorSystemOptions.DefaultSupervisorStrategy"/>.
    /// </summary>
    protected virtual SupervisorStrategy? SupervisorStrategy => null;

    /// <summary>Set by persistence when a write failed: the actor fails after the handler even if the handler caught it.</summary>
    internal Exception? Poison { get; set; }

    internal SupervisorStrategy? SupervisorStrategyForChildren => SupervisorStrategy;

    /// <summary>Handles one message. Exceptions go to the supervisor; an ask being handled fails with the same exception.</summary>
    protected abstract ValueTask ReceiveAsync(TMessage message);

    /// <summary>Runs before the first message (after recovery, for a persistent actor).</summary>
    protected virtual ValueTask StartedAsync() => ValueTask.CompletedTask;

    /// <summary>Runs once the actor and all its children have stopped; release files, sessions and processes here.</summary>
    protected virtual ValueTask StoppedAsync() => ValueTask.CompletedTask;

    /// <summary>Runs on the failed instance before it is replaced; by default <see cref="StoppedAsync"/>.</summary>
    protected virtual ValueTask PreRestartAsync(Exception reason) => StoppedAsync();

    /// <summary>Runs on the fresh instance after the backoff; by default <see cref="StartedAsync"/>.</summary>
    protected virtual ValueTask PostRestartAsync(Exception reason) => StartedAsync();

    /// <summary>A watched actor stopped (see <see cref="ActorContext{TMessage}.Watch"/>). Delivered ahead of user messages.</summary>
    protected virtual ValueTask OnTerminatedAsync(Terminated terminated) => ValueTask.CompletedTask;

    internal static void BeginConstruction(ActorContext<TMessage> context) => _constructing = context;

    internal static void EndConstruction() => _constructing = null;

    /// <summary>True once for an instance freshly built for <paramref name="context"/>.</summary>
    internal bool ClaimFor(ActorContext<TMessage> context)
    {
        if (_claimed || !ReferenceEquals(_context, context))
        {
            return false;
        }

        _claimed = true;
        return true;
    }

    /// <summary>Runs before the start hooks; persistent actors recover here.</summary>
    internal virtual ValueTask InitializeAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    internal ValueTask InvokeReceiveAsync(TMessage message) => ReceiveAsync(message);

    internal ValueTask InvokeStartedAsync() => StartedAsync();

    internal ValueTask InvokeStoppedAsync() => StoppedAsync();

    internal ValueTask InvokePreRestartAsync(Exception reason) => PreRestartAsync(reason);

    internal ValueTask InvokePostRestartAsync(Exception reason) => PostRestartAsync(reason);

    internal ValueTask InvokeOnTerminatedAsync(Terminated terminated) => OnTerminatedAsync(terminated);
}
