using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Nightjar.Persistence.Backend;
using Nightjar.Persistence.GroupCommit;
using Nightjar.Persistence.Migrations;

namespace Nightjar.Persistence.Sqlite;

/// <summary>
/// The journal's SQL on SQLite (a single node: one file in the data directory). Every write of this process to the
/// file goes through one in-process gate (<see cref="SqliteWriteGate"/>, shared with the segment catalog), so writers
/// queue in memory instead of spinning on SQLITE_BUSY; busy_timeout still covers writers from other processes.
/// </summary>
internal sealed partial class SqliteJournal : IJournalBackend
{
    private readonly SqliteConnections _connections;
    private readonly SqliteMigrator _migrator;
    private readonly SemaphoreSlim _writeGate;
    private readonly Guid _writerId = Guid.NewGuid();
    private SqliteAppendWriter? _appendWriter;

    public SqliteJournal(string dataPath, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _connections = new SqliteConnections(dataPath);
        _writeGate = SqliteWriteGate.For(_connections.FilePath);
        _migrator = new SqliteMigrator(_connections, timeProvider, loggerFactory.CreateLogger<SqliteMigrator>());
    }

    public string Name => "sqlite";

    public IReadOnlyList<JournalMigration> Migrations => SqliteMigrations.All;

    internal string FilePath => _connections.FilePath;

    internal SemaphoreSlim WriteGate => _writeGate;

    public Task MigrateAsync(IReadOnlyList<JournalMigration> migrations, CancellationToken cancellationToken) =>
        _migrator.MigrateAsync(migrations, _writeGate, cancellationToken);

    public Task<IReadOnlyList<AppliedMigration>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken) =>
        _migrator.ReadAppliedAsync(cancellationToken);

    /// <summary>Other processes' commits are rare here (one node); polling finds them. This process's own commits pulse the feed directly.</summary>
    public void StartChangeNotifications(Action onChange)
    {
    }

    public async Task WriteBatchAsync(IReadOnlyList<PendingAppend> batch, DateTimeOffset writtenAt, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var writer = _appendWriter ??= await SqliteAppendWriter.OpenAsync(_connections, _writerId, cancellationToken);
            try
            {
                writer.Write(batch, writtenAt);
            }
            catch
            {
                // Start the next batch on a fresh connection rather than trust one that just failed.
                _appendWriter = null;
                await writer.DisposeAsync();
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT highest_sequence_nr FROM event_stream WHERE persistence_id = $pid";
        command.Parameters.AddWithValue("$pid", persistenceId);
        return await command.ExecuteScalarAsync(cancellationToken) is long highest ? highest : 0;
    }

    public Task DeleteEventsAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        WriteAsync(
            // event_stream is left alone: its highest_sequence_nr is what stops a new writer from reusing numbers.
            """
            DELETE FROM event_tag WHERE persistence_id = $pid AND sequence_nr <= $to;
            DELETE FROM event_journal WHERE persistence_id = $pid AND sequence_nr <= $to;
            """,
            command =>
            {
                command.Parameters.AddWithValue("$pid", persistenceId);
                command.Parameters.AddWithValue("$to", toSequenceNr);
            },
            cancellationToken);

    public Task SaveSnapshotAsync(string persistenceId, long sequenceNr, DateTimeOffset writtenAt, string stateType, string state, CancellationToken cancellationToken) =>
        WriteAsync(
            """
            INSERT INTO snapshot_store (persistence_id, sequence_nr, created_at, state_type, state)
            VALUES ($pid, $seq, $at, $type, $state)
            ON CONFLICT (persistence_id, sequence_nr)
            DO UPDATE SET created_at = excluded.created_at, state_type = excluded.state_type, state = excluded.state
            """,
            command =>
            {
                command.Parameters.AddWithValue("$pid", persistenceId);
                command.Parameters.AddWithValue("$seq", sequenceNr);
                command.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(writtenAt));
                command.Parameters.AddWithValue("$type", stateType);
                command.Parameters.AddWithValue("$state", state);
            },
            cancellationToken);

    public async Task<SnapshotRow?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence_nr, created_at, state_type, state FROM snapshot_store
             WHERE persistence_id = $pid ORDER BY sequence_nr DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$pid", persistenceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SnapshotRow(persistenceId, reader.GetInt64(0), SqliteTime.FromMicroseconds(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3))
            : null;
    }

    public Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken) =>
        WriteAsync(
            "DELETE FROM snapshot_store WHERE persistence_id = $pid AND sequence_nr < $before",
            command =>
            {
                command.Parameters.AddWithValue("$pid", persistenceId);
                command.Parameters.AddWithValue("$before", beforeSequenceNr);
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            if (_appendWriter is not null)
            {
                await _appendWriter.DisposeAsync();
                _appendWriter = null;
            }
        }
        finally
        {
            _writeGate.Release();
        }

        _connections.ClearPool();
    }

    /// <summary>One write transaction (BEGIN IMMEDIATE) behind the in-process gate.</summary>
    private async Task WriteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            bind(command);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
