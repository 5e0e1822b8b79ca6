namespace Nightjar.Actors.Persistence;

/// <summary>
/// An actor whose state is the fold of its events. Before its first message it recovers: latest snapshot, then every
/// later event through <see cref="ApplyEvent"/>. <see cref="PersistAsync(IReadOnlyList{object})"/> writes first and applies only
/// once the store has acknowledged, so <see cref="State"/> never holds what is not durable. A failed write (including
/// <see cref="ConcurrencyConflictException"/>: another incarnation wrote first) fails the actor, even if the handler
/// catches it, and its supervisor decides; a restart recovers again from the store.
/// </summary>
/// <typeparam name="TMessage">The actor's protocol.</typeparam>
/// <typeparam name="TState">Immutable state: <see cref="ApplyEvent"/> returns a new value, snapshots keep a reference.</typeparam>
public abstract partial class PersistentActor<TMessage, TState> : Actor<TMessage>
{
    private readonly IEventStore _eventStore;
    private readonly TState _initialState;
    private long _lastSnapshotSequenceNr;
    private bool _persisting;

    protected PersistentActor(IEventStore eventStore, string persistenceId, TState initialState)
    {
        ArgumentNullException.ThrowIfNull(eventStore);
        ArgumentException.ThrowIfNullOrWhiteSpace(persistenceId);
        _eventStore = eventStore;
        _initialState = initialState;
        PersistenceId = persistenceId;
        State = initialState;
    }

    protected string PersistenceId { get; }

    protected TState State { get; private set; }

    /// <summary>Sequence number of the last event applied to <see cref="State"/>; 0 before the first event.</summary>
    protected long LastSequenceNr { get; private set; }

    protected virtual SnapshotPolicy SnapshotPolicy => SnapshotPolicy.Never;

    /// <summary>Pure fold step, used both in recovery and after a persist; must not have side effects.</summary>
    protected abstract TState ApplyEvent(TState state, object @event);

    /// <summary>Tags an event is published under (for projections and event feeds).</summary>
    protected virtual IReadOnlyList<string> GetTags(object @event) => [];

    protected Task PersistAsync(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return PersistAsync([@event]);
    }

    /// <summary>Appends <paramref name="events"/> atomically after <see cref="LastSequenceNr"/>, then applies them.</summary>
    protected async Task PersistAsync(IReadOnlyList<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("Persist at least one event.", nameof(events));
        }

        if (_persisting)
        {
            throw new InvalidOperationException($"'{PersistenceId}' is already persisting: await each PersistAsync before the next.");
        }

        var batch = new EventToPersist[events.Count];
        for (int i = 0; i < batch.Length; i++)
        {
            var @event = events[i] ?? throw new ArgumentException($"Event {i} is null.", nameof(events));
            batch[i] = new EventToPersist(@event, GetTags(@event));
        }

        _persisting = true;
        try
        {
            await _eventStore.AppendAsync(PersistenceId, LastSequenceNr, batch, Context.Aborted);
            var state = State;
            foreach (var @event in events)
            {
                state = ApplyEvent(state, @event);
            }

            State = state;
            LastSequenceNr += events.Count;
        }
        catch (Exception error)
        {
            // Written or not, this instance no longer knows where the journal stands.
            Poison = error;
            throw;
        }
        finally
        {
            _persisting = false;
        }

        await SnapshotIfDueAsync();
    }

    /// <summary>
    /// Reads the events other writers appended after <see cref="LastSequenceNr"/> and applies them (no snapshot is
    /// read): for an actor whose persistence id is shared, such as a registry every node of a cluster writes to.
    /// </summary>
    /// <remarks>
    /// Each event is applied as it is read, so a failure part-way (the database went away) leaves <see cref="State"/>
    /// consistent at the last event applied, and the actor is not failed: calling again continues from there.
    /// </remarks>
    /// <returns>The number of events applied.</returns>
    /// <exception cref="InvalidOperationException">A <see cref="PersistAsync(IReadOnlyList{object})"/> is in progress.</exception>
    protected async Task<int> CatchUpAsync()
    {
        if (_persisting)
        {
            throw new InvalidOperationException($"'{PersistenceId}' is persisting: await PersistAsync before catching up.");
        }

        _persisting = true;
        try
        {
            var applied = 0;
            await foreach (var stored in _eventStore.ReadEventsAsync(PersistenceId, LastSequenceNr + 1, Context.Aborted).WithCancellation(Context.Aborted))
            {
                if (stored.SequenceNr <= LastSequenceNr)
                {
                    continue;
                }

                State = ApplyEvent(State, stored.Payload);
                LastSequenceNr = stored.SequenceNr;
                applied++;
            }

            return applied;
        }
        finally
        {
            _persisting = false;
        }
    }

    internal sealed override async ValueTask InitializeAsync(CancellationToken cancellationToken)
    {
        State = _initialState;
        LastSequenceNr = 0;
        _lastSnapshotSequenceNr = 0;
        try
        {
            var snapshot = await _eventStore.LoadLatestSnapshotAsync(PersistenceId, cancellationToken);
            if (snapshot is not null)
            {
                State = snapshot.State is TState state
                    ? state
                    : throw new InvalidCastException(
                        $"Snapshot {snapshot.SequenceNr} of '{PersistenceId}' holds {snapshot.State?.GetType().Name ?? "null"}, not {typeof(TState).Name}.");
                LastSequenceNr = snapshot.SequenceNr;
                _lastSnapshotSequenceNr = snapshot.SequenceNr;
            }

            await foreach (var stored in _eventStore.ReadEventsAsync(PersistenceId, LastSequenceNr + 1, cancellationToken).WithCancellation(cancellationToken))
            {
                if (stored.SequenceNr <= LastSequenceNr)
                {
                    continue;
                }

                State = ApplyEvent(State, stored.Payload);
                LastSequenceNr = stored.SequenceNr;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new RecoveryFailedException(PersistenceId, LastSequenceNr, error);
        }

        LogRecovered(Context.Log, PersistenceId, LastSequenceNr, _lastSnapshotSequenceNr);
    }

    private async Task SnapshotIfDueAsync()
    {
        var policy = SnapshotPolicy;
        if (policy.EveryEvents == 0 || State is null
            || LastSequenceNr / policy.EveryEvents <= _lastSnapshotSequenceNr / policy.EveryEvents)
        {
            return;
        }

        long sequenceNr = LastSequenceNr;
        try
        {
            await _eventStore.SaveSnapshotAsync(PersistenceId, sequenceNr, State, Context.Aborted);
            _lastSnapshotSequenceNr = sequenceNr;
            long keepFrom = sequenceNr - ((long)(policy.KeepSnapshots - 1) * policy.EveryEvents);
            if (keepFrom > 0)
            {
                await _eventStore.DeleteSnapshotsAsync(PersistenceId, keepFrom, Context.Aborted);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A snapshot only shortens recovery; the events are durable, so the actor carries on.
            LogSnapshotFailed(Context.Log, PersistenceId, sequenceNr, error);
        }
    }
}
