using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Nightjar.Persistence.Migrations;

namespace Nightjar.Persistence.Sqlite;

/// <summary>
/// Applies the migrations of one component (the journal's by default) inside <c>BEGIN IMMEDIATE</c>: the write lock is
/// taken before schema_migrations is read, so two processes starting at once apply each step once (the second waits,
/// then finds nothing to do).
/// </summary>
internal sealed partial class SqliteMigrator(SqliteConnections connections, TimeProvider timeProvider, ILogger logger, string component = MigrationPlan.Component)
{
    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            component  TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            name       TEXT    NOT NULL,
            applied_at INTEGER NOT NULL,
            PRIMARY KEY (component, version)
        ) WITHOUT ROWID
        """;

    /// <summary>Migrates while holding the process's write gate for the file, so no writer of this process interleaves.</summary>
    public async Task MigrateAsync(IReadOnlyList<JournalMigration> migrations, SemaphoreSlim writeGate, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await MigrateAsync(migrations, cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task MigrateAsync(IReadOnlyList<JournalMigration> migrations, CancellationToken cancellationToken)
    {
        MigrationPlan.Validate(migrations, component);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, CreateTableSql, cancellationToken);
        var missing = MigrationPlan.Missing(migrations, await ReadAsync(connection, transaction, component, cancellationToken), component);
        foreach (var migration in missing)
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (component, version, name, applied_at) VALUES ($component, $version, $name, $at)";
            record.Parameters.AddWithValue("$component", component);
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(timeProvider.GetUtcNow()));
            await record.ExecuteNonQueryAsync(cancellationToken);
            Log.MigrationApplied(logger, component, migration.Version, migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        if (missing.Count == 0)
        {
            Log.SchemaUpToDate(logger, component, migrations.Count);
        }
    }

    public async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var exists = connection.CreateCommand())
        {
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
            if (await exists.ExecuteScalarAsync(cancellationToken) is not 1L)
            {
                return [];
            }
        }

        return await ReadAsync(connection, transaction: null, component, cancellationToken);
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string component, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, name FROM schema_migrations WHERE component = $component ORDER BY version";
        command.Parameters.AddWithValue("$component", component);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1)));
        }

        return applied;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
