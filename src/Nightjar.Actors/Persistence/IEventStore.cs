namespace Nightjar.Actors.Persistence;

/// <summary>
/// What a persistent actor needs from durable storage. <c>Nightjar.Persistence</c> implements it over the
/// event journal (PostgreSQL or SQLite); the actor runtime knows nothing of SQL or serialization formats.
/// </summary>
public interface IEventStore
{
    /// <summary>The newest snapshot of <paramref name="persistenceId"/>, or null when there is none.</summary>
    Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>Events of one actor with sequence numbers at or above <paramref name="fromSequenceNr"/>, in order.</summary>
    IAsyncEnumerable<StoredEvent> ReadEventsAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="events"/> atomically after <paramref name="expectedSequenceNr"/> (the highest number
    /// the writer has seen; 0 for a new actor). The first event gets <c>expectedSequenceNr + 1</c>.
    /// Throws <see cref="ConcurrencyConflictException"/> and writes nothing when another writer got there first.
    /// </summary>
    Task AppendAsync(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventToPersist> events, CancellationToken cancellationToken);

    Task SaveSnapshotAsync(string persistenceId, long sequenceNr, object state, CancellationToken cancellationToken);

    /// <summary>Deletes snapshots of <paramref name="persistenceId"/> older than <paramref name="beforeSequenceNr"/>.</summary>
    Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken);
}

/// <summary>An event as the actor hands it to the store: the payload object plus the tags it is published under.</summary>
public sealed record EventToPersist(object Payload, IReadOnlyList<string> Tags);

/// <summary>An event read back, already deserialized.</summary>
public sealed record StoredEvent(string PersistenceId, long SequenceNr, DateTimeOffset WrittenAt, object Payload);

/// <summary>A snapshot read back, already deserialized.</summary>
public sealed record StoredSnapshot(string PersistenceId, long SequenceNr, DateTimeOffset WrittenAt, object State);
