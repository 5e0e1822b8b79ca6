using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Nightjar.Persistence.Migrations;
using Nightjar.Persistence.Sqlite;

namespace Nightjar.Persistence.Catalog;

/// <summary>
/// The catalog's SQL on SQLite, in the journal's file (<c>nightjar.db</c>). Every write takes the file's in-process
/// write gate (<see cref="SqliteWriteGate"/>), the same one the journal's group commit takes, so the two queue in
/// memory rather than contend for SQLite's lock; reads run beside writes thanks to WAL.
/// </summary>
internal sealed partial class SqliteSegmentCatalog : ICatalogBackend
{
    private readonly SqliteConnections _connections;
    private readonly SqliteMigrator _migrator;
    private readonly SemaphoreSlim _writeGate;

    public SqliteSegmentCatalog(string dataPath, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _connections = new SqliteConnections(dataPath);
        _writeGate = SqliteWriteGate.For(_connections.FilePath);
        _migrator = new SqliteMigrator(_connections, timeProvider, loggerFactory.CreateLogger<SqliteMigrator>(), CatalogMigrations.Component);
    }

    public string Name => "sqlite";

    public IReadOnlyList<JournalMigration> Migrations => CatalogMigrations.Sqlite;

    internal string FilePath => _connections.FilePath;

    internal SemaphoreSlim WriteGate => _writeGate;

    public Task MigrateAsync(IReadOnlyList<JournalMigration> migrations, CancellationToken cancellationToken) =>
        _migrator.MigrateAsync(migrations, _writeGate, cancellationToken);

    public Task<IReadOnlyList<AppliedMigration>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken) =>
        _migrator.ReadAppliedAsync(cancellationToken);

    public async Task<bool> ApplyAsync(IReadOnlyList<CatalogChange> changes, ProjectionCheckpoint? checkpoint, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        if (checkpoint is not null && checkpoint.Offset.TransactionId > long.MaxValue)
        {
            throw new ArgumentException($"Offset {checkpoint.Offset} of projection '{checkpoint.Projection}' is not a SQLite journal offset (its transaction id is always 0).", nameof(checkpoint));
        }

        var at = CatalogTime.ToMicroseconds(updatedAt);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken);
            // BEGIN IMMEDIATE: take the write lock first, so the transaction never has to upgrade a read snapshot
            // (which fails at once with SQLITE_BUSY when another process wrote in between).
            await using var transaction = connection.BeginTransaction(deferred: false);
            if (checkpoint is not null && !await StoreOffsetAsync(connection, transaction, checkpoint, at, cancellationToken))
            {
                return false;
            }

            await using var writer = new ChangeWriter(connection, transaction, at);
            foreach (var change in changes)
            {
                await writer.ApplyAsync(change, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async Task<JournalOffset?> ReadProjectionOffsetAsync(string projection, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tx_id, ordering FROM projection_offset WHERE projection = $projection";
        command.Parameters.AddWithValue("$projection", projection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new JournalOffset((ulong)reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    public async ValueTask DisposeAsync()
    {
        // Wait for a write in flight; the gate itself belongs to the file and outlives this catalog.
        await _writeGate.WaitAsync();
        _writeGate.Release();
        _connections.ClearPool();
    }

    /// <summary>Stores the checkpoint unless it is behind the stored one; false means it was behind.</summary>
    private static async Task<bool> StoreOffsetAsync(SqliteConnection connection, SqliteTransaction transaction, ProjectionCheckpoint checkpoint, long at, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO projection_offset (projection, tx_id, ordering, updated_at) VALUES ($projection, $tx, $ordering, $at)
            ON CONFLICT (projection) DO UPDATE SET tx_id = excluded.tx_id, ordering = excluded.ordering, updated_at = excluded.updated_at
             WHERE (excluded.tx_id, excluded.ordering) >= (projection_offset.tx_id, projection_offset.ordering)
            """;
        command.Parameters.AddWithValue("$projection", checkpoint.Projection);
        command.Parameters.AddWithValue("$tx", (long)checkpoint.Offset.TransactionId);
        command.Parameters.AddWithValue("$ordering", checkpoint.Offset.Ordering);
        command.Parameters.AddWithValue("$at", at);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
