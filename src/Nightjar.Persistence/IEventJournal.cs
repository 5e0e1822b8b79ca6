using Nightjar.Actors.Persistence;

namespace Nightjar.Persistence;

/// <summary>
/// The event journal and snapshot store: PostgreSQL for clusters, SQLite for a single node, one behaviour
/// (both pass the same conformance suite). Create it with <see cref="EventJournalFactory"/>, call
/// <see cref="MigrateAsync"/> at start, and dispose it at shutdown (pending appends are flushed first).
/// Actors use it through <see cref="JournalEventStore"/>.
/// </summary>
public interface IEventJournal : IAsyncDisposable
{
    /// <summary>"postgresql" or "sqlite".</summary>
    string Backend { get; }

    /// <summary>Applies missing schema steps under a database-wide lock; safe when several nodes start at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Reachability and schema state for <c>/health/ready</c>; never throws for an unreachable database.</summary>
    Task<JournalHealth> CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="events"/> atomically as <c>expectedSequenceNr + 1 ...</c>. Concurrent appends are
    /// group-committed, but each succeeds or fails on its own.
    /// </summary>
    /// <returns>The new highest sequence number (<paramref name="expectedSequenceNr"/> for an empty list, which writes nothing and checks nothing).</returns>
    /// <exception cref="ConcurrencyConflictException">Another writer appended first (or the stream is not at <paramref name="expectedSequenceNr"/>); nothing was written.</exception>
    /// <exception cref="UnregisteredEventTypeException">A payload type has no stable name; nothing was written.</exception>
    /// <remarks>Cancelling after the append joined a batch may still let it commit: on doubt, read the highest sequence number.</remarks>
    Task<long> AppendAsync(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventToPersist> events, CancellationToken cancellationToken);

    /// <summary>Events of one persistence id with <paramref name="fromSequenceNr"/> &lt;= sequence &lt;= <paramref name="toSequenceNr"/>, in order, paged.</summary>
    /// <exception cref="UnknownEventTypeException">A stored event names a type this process did not register.</exception>
    IAsyncEnumerable<JournalEvent> ReadEventsAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken);

    /// <summary>The highest sequence number ever written for the id (0 for none); deleting events does not lower it.</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>Deletes the events with sequence &lt;= <paramref name="toSequenceNr"/> (and their tags); the highest sequence number survives.</summary>
    Task DeleteEventsAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="state"/> (a registered type) as of <paramref name="sequenceNr"/>, replacing a snapshot at the same number.</summary>
    Task SaveSnapshotAsync(string persistenceId, long sequenceNr, object state, CancellationToken cancellationToken);

    Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>Deletes snapshots with sequence &lt; <paramref name="beforeSequenceNr"/>.</summary>
    Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> events tagged <paramref name="tag"/> after <paramref name="after"/>, in feed order.
    /// Continue from the last event's <see cref="JournalEvent.Offset"/>. Never skips an event that commits late.
    /// </summary>
    Task<IReadOnlyList<JournalEvent>> ReadByTagAsync(string tag, JournalOffset after, int limit, CancellationToken cancellationToken);

    /// <summary>Like <see cref="ReadByTagAsync"/> over every event, tagged or not (the HTTP event API's feed).</summary>
    Task<IReadOnlyList<JournalEvent>> ReadAllAsync(JournalOffset after, int limit, CancellationToken cancellationToken);

    /// <summary>An endless <see cref="ReadByTagAsync"/>: delivers what exists, then new events as they commit, until cancelled.</summary>
    IAsyncEnumerable<JournalEvent> SubscribeByTagAsync(string tag, JournalOffset after, CancellationToken cancellationToken);

    /// <summary>An endless <see cref="ReadAllAsync"/>.</summary>
    IAsyncEnumerable<JournalEvent> SubscribeAllAsync(JournalOffset after, CancellationToken cancellationToken);
}
