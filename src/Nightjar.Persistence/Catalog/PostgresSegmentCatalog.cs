using Microsoft.Extensions.Logging;
using Nightjar.Persistence.Migrations;
using Nightjar.Persistence.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Nightjar.Persistence.Catalog;

/// <summary>
/// The catalog's SQL on PostgreSQL (a cluster: every node shares the database). An apply with a checkpoint writes
/// the projection's offset row first, so concurrent writers of one projection queue on that row lock and the second
/// sees the first one's offset.
/// </summary>
internal sealed partial class PostgresSegmentCatalog : ICatalogBackend
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresMigrator _migrator;

    public PostgresSegmentCatalog(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _dataSource = dataSource;
        _migrator = new PostgresMigrator(dataSource, timeProvider, loggerFactory.CreateLogger<PostgresMigrator>(), CatalogMigrations.Component);
    }

    public string Name => "postgresql";

    public IReadOnlyList<JournalMigration> Migrations => CatalogMigrations.Postgres;

    internal NpgsqlDataSource DataSource => _dataSource;

    public Task MigrateAsync(IReadOnlyList<JournalMigration> migrations, CancellationToken cancellationToken) =>
        _migrator.MigrateAsync(migrations, cancellationToken);

    public Task<IReadOnlyList<AppliedMigration>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken) =>
        _migrator.ReadAppliedAsync(cancellationToken);

    public async Task<bool> ApplyAsync(IReadOnlyList<CatalogChange> changes, ProjectionCheckpoint? checkpoint, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (checkpoint is not null && !await StoreOffsetAsync(connection, transaction, checkpoint, updatedAt, cancellationToken))
        {
            return false;
        }

        if (changes.Count > 0)
        {
            // One round trip for the whole batch; its commands run in order inside the transaction.
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var change in changes)
            {
                batch.BatchCommands.Add(ChangeCommand(change, updatedAt));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<JournalOffset?> ReadProjectionOffsetAsync(string projection, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT tx_id, ordering FROM projection_offset WHERE projection = $1");
        command.Parameters.Add(Text(projection));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new JournalOffset(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : null;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Stores the checkpoint unless it is behind the stored one; false means it was behind.</summary>
    private static async Task<bool> StoreOffsetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ProjectionCheckpoint checkpoint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The row is locked from here to commit, whether inserted or updated, so writers of one projection serialize.
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO projection_offset AS p (projection, tx_id, ordering, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (projection) DO UPDATE SET tx_id = EXCLUDED.tx_id, ordering = EXCLUDED.ordering, updated_at = EXCLUDED.updated_at
             WHERE (EXCLUDED.tx_id, EXCLUDED.ordering) >= (p.tx_id, p.ordering)
            """,
            connection,
            transaction);
        command.Parameters.Add(Text(checkpoint.Projection));
        command.Parameters.Add(new NpgsqlParameter<ulong> { TypedValue = checkpoint.Offset.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(Int64(checkpoint.Offset.Ordering));
        command.Parameters.Add(Timestamp(at));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static NpgsqlBatchCommand ChangeCommand(CatalogChange change, DateTimeOffset at) => change switch
    {
        CatalogChange.Upsert { Segment: var s } => new NpgsqlBatchCommand("""
            INSERT INTO segments (source, stream, run_id, path, storage_root, start_us, end_us, bytes, gop_index, state, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (path) DO UPDATE SET
                source = EXCLUDED.source, stream = EXCLUDED.stream, run_id = EXCLUDED.run_id,
                storage_root = EXCLUDED.storage_root, start_us = EXCLUDED.start_us, end_us = EXCLUDED.end_us,
                bytes = EXCLUDED.bytes, gop_index = EXCLUDED.gop_index, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at
            """)
        {
            Parameters =
            {
                Text(s.Source), Text(s.Stream), Text(s.RunId), Text(s.Path), Text(s.StorageRoot),
                Int64(CatalogTime.ToMicroseconds(s.Start)), Int64(CatalogTime.ToMicroseconds(s.End)), Int64(s.Bytes),
                Text(s.GopIndex), State(s.State), Timestamp(at),
            },
        },
        CatalogChange.SetState setState => new NpgsqlBatchCommand("UPDATE segments SET state = $1, updated_at = $2 WHERE path = $3")
        {
            Parameters = { State(setState.State), Timestamp(at), Text(setState.Path) },
        },
        CatalogChange.Remove remove => new NpgsqlBatchCommand("DELETE FROM segments WHERE path = $1")
        {
            Parameters = { Text(remove.Path) },
        },
        _ => throw new ArgumentException($"Unknown catalog change {change.GetType().Name}.", nameof(change)),
    };

    private static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter<long> Int64(long value) => new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Bigint };

    private static NpgsqlParameter<short> State(CatalogSegmentState state) => new() { TypedValue = (short)state, NpgsqlDbType = NpgsqlDbType.Smallint };

    private static NpgsqlParameter<DateTimeOffset> Timestamp(DateTimeOffset value) =>
        new() { TypedValue = value.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
