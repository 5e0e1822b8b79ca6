using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors.Runtime;

namespace Nightjar.Actors;

/// <summary>
/// Hosts a tree of actors: spawns the top-level ones (under <c>/user</c>), supervises them with
/// <see cref="ActorSystemOptions.DefaultSupervisorStrategy"/>, and owns the clock, logging and metrics they share.
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private readonly object _topLevelLock = new();
    private readonly Dictionary<string, ActorCell> _topLevel = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _anonymousActors;
    private bool _disposed;

    public ActorSystem(string name, ActorSystemOptions? options = null)
    {
        ActorNames.ValidateSystemName(name);
        options ??= new ActorSystemOptions();
        options.Validate();
        Name = name;
        Options = options;
        LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        RuntimeLogger = LoggerFactory.CreateLogger("Nightjar.Actors");
        Metrics = new ActorMetrics(name, options.MeterFactory);
    }

    public string Name { get; }

    public ActorSystemOptions Options { get; }

    public TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>Completes when the system has been disposed and every actor has terminated.</summary>
    public Task WhenTerminated => _whenTerminated.Task;

    /// <summary>
    /// Raised for every message that was never processed (recipient stopped, mailbox full). Handlers run on the
    /// sender's or the stopping actor's thread: keep them short and never throw.
    /// </summary>
    public event EventHandler<DeadLetter>? DeadLetterPublished;

    internal ILoggerFactory LoggerFactory { get; }

    internal ILogger RuntimeLogger { get; }

    internal ActorMetrics Metrics { get; }

    /// <summary>
    /// Creates a top-level actor. <paramref name="name"/> must be unique among living top-level actors (null generates
    /// one). The first instance is built before this returns, so a throwing constructor throws here and nothing is left.
    /// </summary>
    public IActorRef<TMessage> Spawn<TMessage>(string? name, Func<Actor<TMessage>> factory, SpawnOptions? options = null) =>
        SpawnCore(parent: null, name, factory, options);

    /// <summary>Gracefully stops every top-level actor (each drains its mailbox) and waits for all of them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        ActorCell[] actors;
        lock (_topLevelLock)
        {
            actors = [.. _topLevel.Values];
        }

        foreach (var actor in actors)
        {
            actor.RequestStop();
        }

        await Task.WhenAll(actors.Select(static a => a.WhenTerminated)).WaitAsync(cancellationToken);
    }

    /// <summary>Kills every actor (queued messages become dead letters), waits for their stop hooks, releases the meter.</summary>
    public async ValueTask DisposeAsync()
    {
        ActorCell[] actors;
        lock (_topLevelLock)
        {
            if (_disposed)
            {
                actors = [];
            }
            else
            {
                _disposed = true;
                actors = [.. _topLevel.Values];
            }
        }

        foreach (var actor in actors)
        {
            actor.RequestKill();
        }

        await Task.WhenAll(actors.Select(static a => a.WhenTerminated));
        Metrics.Dispose();
        _whenTerminated.TrySetResult();
    }

    internal IActorRef<TMessage> SpawnCore<TMessage>(ActorCell? parent, string? name, Func<Actor<TMessage>> factory, SpawnOptions? options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        options ??= SpawnOptions.Default;
        var mailbox = options.Mailbox ?? Options.DefaultMailbox;
        mailbox.Validate();
        var strategy = options.Supervision ?? parent?.ChildStrategy ?? Options.DefaultSupervisorStrategy;
        strategy.Validate();
        if (name is null)
        {
            name = parent?.NextAnonymousChildName() ?? "$" + Interlocked.Increment(ref _anonymousActors).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            ActorNames.Validate(name);
        }

        var cell = new ActorCell<TMessage>(this, parent, name, factory, mailbox, strategy);
        Reserve(parent, cell);
        try
        {
            cell.CreateFirstInstance();
        }
        catch (Exception error)
        {
            Release(parent, cell);
            cell.AbandonBeforeStart(error);
            throw;
        }

        Metrics.Register(cell);
        cell.Start();
        return cell.Self;
    }

    internal void RemoveTopLevel(ActorCell cell)
    {
        lock (_topLevelLock)
        {
            if (_topLevel.TryGetValue(cell.Name, out var current) && ReferenceEquals(current, cell))
            {
                _topLevel.Remove(cell.Name);
            }
        }
    }

    internal void PublishDeadLetter(string recipientPath, object? message, DeadLetterReason reason)
    {
        Metrics.RecordDeadLetter(reason);
        LogDeadLetter(RuntimeLogger, recipientPath, message?.GetType().Name ?? "null", reason);
        if (DeadLetterPublished is { } handlers)
        {
            try
            {
                handlers(this, new DeadLetter(recipientPath, message, reason));
            }
            catch (Exception error)
            {
                LogDeadLetterHandlerFailed(RuntimeLogger, error);
            }
        }
    }

    internal void ReportPipeFailure(string actorPath, Exception error) => LogPipeMappingFailed(RuntimeLogger, actorPath, error);

    private void Reserve(ActorCell? parent, ActorCell cell)
    {
        if (parent is not null)
        {
            if (!parent.TryAddChild(cell))
            {
                throw new InvalidActorNameException($"Actor '{parent.Path}' already has a child named '{cell.Name}'.");
            }

            return;
        }

        lock (_topLevelLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_topLevel.TryAdd(cell.Name, cell))
            {
                throw new InvalidActorNameException($"A top-level actor named '{cell.Name}' already exists in system '{Name}'.");
            }
        }
    }

    private void Release(ActorCell? parent, ActorCell cell)
    {
        if (parent is not null)
        {
            parent.RemoveChild(cell);
        }
        else
        {
            RemoveTopLevel(cell);
        }
    }
}
