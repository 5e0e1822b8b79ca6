using Nightjar.Persistence.Migrations;

namespace Nightjar.Persistence.Backend;

/// <summary>The SQL of one database engine. Everything engine-neutral (validation, JSON, group commit, live feeds, metrics) lives in <see cref="EventJournal"/>.</summary>
internal interface IJournalBackend : IAppendBatchWriter, IAsyncDisposable
{
    /// <summary>"postgresql" or "sqlite", used in metrics and health.</summary>
    string Name { get; }

    /// <summary>The ordered schema steps of this engine.</summary>
    IReadOnlyList<JournalMigration> Migrations { get; }

    /// <summary>Applies the steps of <paramref name="migrations"/> missing from the database, under a database-wide lock.</summary>
    Task MigrateAsync(IReadOnlyList<JournalMigration> migrations, CancellationToken cancellationToken);

    /// <summary>The steps recorded in schema_migrations, in version order (empty when the table does not exist yet).</summary>
    Task<IReadOnlyList<AppliedMigration>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalRow>> ReadEventsAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int limit, CancellationToken cancellationToken);

    Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken);

    Task DeleteEventsAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);

    Task SaveSnapshotAsync(string persistenceId, long sequenceNr, DateTimeOffset writtenAt, string stateType, string state, CancellationToken cancellationToken);

    Task<SnapshotRow?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken);

    Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken);

    /// <summary>
    /// Events after <paramref name="after"/> in feed order, tagged <paramref name="tag"/> or all when null. Must never
    /// return an event while an event before it in feed order can still be committed.
    /// </summary>
    Task<FeedPage<JournalRow>> ReadFeedAsync(string? tag, JournalOffset after, int limit, CancellationToken cancellationToken);

    /// <summary>Starts pushing "something was committed" hints from other processes into <paramref name="onChange"/>, if the engine can; idempotent.</summary>
    void StartChangeNotifications(Action onChange);
}
