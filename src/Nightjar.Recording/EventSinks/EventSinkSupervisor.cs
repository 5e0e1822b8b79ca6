using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.EventFeed;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// Runs one <see cref="EventSinkWorker"/> per configured sink and keeps them in line with the
/// <see cref="EventSinkStore"/>: a new sink starts a worker, a changed delivery setting restarts it (from its saved
/// position), a deleted sink stops it. Start after the journal is migrated; dispose to stop every worker. In a cluster
/// one node delivers (<see cref="SetDeliveringAsync"/>); the others keep their workers stopped and show <c>standby</c>,
/// or a receiver would get every event once per node.
/// </summary>
public sealed partial class EventSinkSupervisor : IAsyncDisposable
{
    private readonly EventSinkStore _store;
    private readonly EventSinkRuntime _runtime;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _reconcile = new(1, 1);
    private volatile ImmutableDictionary<string, EventSinkWorker> _workers = ImmutableDictionary<string, EventSinkWorker>.Empty;
    private Task _loop = Task.CompletedTask;
    private int _disposed;
    private volatile bool _delivering;

    /// <remarks>
    /// The HTTP client (see <see cref="EventSinkHttp.Create"/>) serves every delivery; the supervisor disposes it.
    /// <paramref name="delivering"/> false starts in standby (a cluster node until it is the coordinator's).
    /// </remarks>
    public EventSinkSupervisor(
        EventSinkStore store,
        IEventJournal journal,
        ISecretProtector protector,
        HttpClient http,
        EventSinkOptions options,
        EventsMetrics metrics,
        TimeProvider timeProvider,
        ILogger<EventSinkSupervisor> logger,
        bool delivering = true)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _runtime = new EventSinkRuntime(journal, protector, http, options, metrics, timeProvider, new JournalHeadTracker(journal, timeProvider), logger);
        metrics.SetLagSource(() => [.. Views().Where(v => v.Status.State != EventSinkState.Standby).Select(v => new SinkLag(v.Sink.Id, v.LagEvents, v.LagSeconds))]);
        _delivering = delivering;
    }

    /// <summary>True while this node runs the sink workers.</summary>
    public bool Delivering => _delivering;

    /// <summary>
    /// Starts (true) or stops (false) every worker. A worker stopped here resumes on whichever node delivers next from
    /// the last acknowledged batch: an interrupted batch comes again (at least once), none is skipped.
    /// </summary>
    public async Task SetDeliveringAsync(bool delivering)
    {
        if (_delivering == delivering || Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        _delivering = delivering;
        LogDelivering(_logger, delivering);
        if (delivering)
        {
            // Another node moved the positions on while this one stood by.
            await _store.RefreshAsync(_stop.Token);
        }

        await ReconcileAsync();
    }

    /// <summary>Loads the sinks and starts their workers, then follows changes until disposed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.RefreshAsync(cancellationToken);
        await ReconcileAsync();
        _loop = Task.Run(() => FollowAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Every sink with its worker's status and lag, ordered by id.</summary>
    public IReadOnlyList<EventSinkView> Views() => [.. _store.Current.Sinks.Select(ViewOf)];

    /// <summary>One sink with status and lag; null when there is no such sink.</summary>
    public EventSinkView? Find(string id) => _store.Current.Find(id) is { } sink ? ViewOf(sink) : null;

    /// <summary>Applies the store's current sinks to the workers now (the API calls it after a change).</summary>
    public async Task ReconcileAsync()
    {
        await _reconcile.WaitAsync();
        try
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            var registry = _store.Current;
            var workers = _workers;
            var delivering = _delivering;
            foreach (var (id, worker) in workers)
            {
                var sink = registry.Find(id);
                if (!delivering || sink is null || !sink.Definition.SameDelivery(worker.Sink.Definition))
                {
                    workers = workers.Remove(id);
                    _workers = workers;
                    await worker.DisposeAsync();
                    LogWorkerStopped(_logger, id, !delivering ? "standby" : sink is null ? "deleted" : "changed");
                }
            }

            // A sink whose worker survived the loop above changed at most its name: nothing to restart.
            foreach (var sink in registry.Sinks.Where(s => delivering && !workers.ContainsKey(s.Id)))
            {
                var worker = new EventSinkWorker(sink, _runtime);
                worker.Start();
                workers = workers.SetItem(sink.Id, worker);
            }

            _workers = workers;
        }
        finally
        {
            _reconcile.Release();
        }
    }

    /// <summary>Stops every worker (an unacknowledged batch is delivered again by the next start). Safe to call twice (host stop, then the container).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        await _reconcile.WaitAsync();
        try
        {
            foreach (var worker in _workers.Values)
            {
                await worker.DisposeAsync();
            }

            _workers = ImmutableDictionary<string, EventSinkWorker>.Empty;
        }
        finally
        {
            _reconcile.Release();
        }

        await _runtime.Head.DisposeAsync();
        _runtime.Http.Dispose();
        _stop.Dispose();
    }

    private EventSinkView ViewOf(RegisteredSink sink)
    {
        if (!_workers.TryGetValue(sink.Id, out var worker))
        {
            return new EventSinkView(sink, _delivering ? EventSinkStatus.Initial : EventSinkStatus.Initial with { State = EventSinkState.Standby }, 0, 0);
        }

        var status = worker.Status;
        var head = _runtime.Head.Head;
        var lagEvents = status.State == EventSinkState.Starting || head <= status.Position
            ? 0
            : Math.Max(1, head.Ordering - status.Position.Ordering);
        var lagSeconds = status.OldestPendingAt is { } oldest
            ? Math.Max(0, (_runtime.Time.GetUtcNow() - oldest).TotalSeconds)
            : 0;
        return new EventSinkView(sink, status, lagEvents, lagSeconds);
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = _store.Changed;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                await Task.WhenAny(changed, Task.Delay(_runtime.Options.RefreshInterval, _runtime.Time, wait.Token));
                await wait.CancelAsync();
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await _store.RefreshAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(_logger, ex.GetType().Name);
            }

            await ReconcileAsync();
        }
    }
}
