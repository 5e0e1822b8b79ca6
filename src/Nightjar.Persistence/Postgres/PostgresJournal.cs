using Microsoft.Extensions.Logging;
using Nightjar.Persistence.Backend;
using Nightjar.Persistence.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace Nightjar.Persistence.Postgres;

/// <summary>The journal's SQL on PostgreSQL (a cluster: every node shares the database).</summary>
internal sealed partial class PostgresJournal : IJournalBackend
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresMigrator _migrator;
    private readonly PostgresNotificationListener _listener;
    private readonly Guid _writerId = Guid.NewGuid();

    public PostgresJournal(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _dataSource = dataSource;
        _migrator = new PostgresMigrator(dataSource, timeProvider, loggerFactory.CreateLogger<PostgresMigrator>());
        _listener = new PostgresNotificationListener(dataSource, timeProvider, loggerFactory.CreateLogger<PostgresNotificationListener>());
    }

    public string Name => "postgresql";

    public IReadOnlyList<JournalMigration> Migrations => PostgresMigrations.All;

    internal NpgsqlDataSource DataSource => _dataSource;

    public Task MigrateAsync(IReadOnlyList<JournalMigration> migrations, CancellationToken cancellationToken) =>
        _migrator.MigrateAsync(migrations, cancellationToken);

    public Task<IReadOnlyList<AppliedMigration>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken) =>
        _migrator.ReadAppliedAsync(cancellationToken);

    public void StartChangeNotifications(Action onChange) => _listener.Start(onChange);

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT highest_sequence_nr FROM event_stream WHERE persistence_id = $1");
        command.Parameters.Add(Text(persistenceId));
        return await command.ExecuteScalarAsync(cancellationToken) is long highest ? highest : 0;
    }

    public async Task DeleteEventsAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        // event_stream is left alone: its highest_sequence_nr is what stops a new writer from reusing numbers.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM event_tag WHERE persistence_id = $1 AND sequence_nr <= $2")
                {
                    Parameters = { Text(persistenceId), Int64(toSequenceNr) },
                },
                new NpgsqlBatchCommand("DELETE FROM event_journal WHERE persistence_id = $1 AND sequence_nr <= $2")
                {
                    Parameters = { Text(persistenceId), Int64(toSequenceNr) },
                },
            },
        };
        // A multi-statement batch runs in one implicit transaction: tags and events go together or not at all.
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveSnapshotAsync(string persistenceId, long sequenceNr, DateTimeOffset writtenAt, string stateType, string state, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO snapshot_store (persistence_id, sequence_nr, created_at, state_type, state)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (persistence_id, sequence_nr)
            DO UPDATE SET created_at = EXCLUDED.created_at, state_type = EXCLUDED.state_type, state = EXCLUDED.state
            """);
        command.Parameters.Add(Text(persistenceId));
        command.Parameters.Add(Int64(sequenceNr));
        command.Parameters.Add(Timestamp(writtenAt));
        command.Parameters.Add(Text(stateType));
        command.Parameters.Add(Jsonb(state));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SnapshotRow?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT sequence_nr, created_at, state_type, state FROM snapshot_store
             WHERE persistence_id = $1 ORDER BY sequence_nr DESC LIMIT 1
            """);
        command.Parameters.Add(Text(persistenceId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SnapshotRow(persistenceId, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    public async Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM snapshot_store WHERE persistence_id = $1 AND sequence_nr < $2");
        command.Parameters.Add(Text(persistenceId));
        command.Parameters.Add(Int64(beforeSequenceNr));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter<long> Int64(long value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Bigint };

    private static NpgsqlParameter<string> Jsonb(string json) => new() { TypedValue = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlParameter<DateTimeOffset> Timestamp(DateTimeOffset value) =>
        new() { TypedValue = value.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
