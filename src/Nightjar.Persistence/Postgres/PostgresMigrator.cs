using Microsoft.Extensions.Logging;
using Nightjar.Persistence.Migrations;
using Npgsql;
using NpgsqlTypes;

namespace Nightjar.Persistence.Postgres;

/// <summary>
/// Applies the migrations of one component (the journal's by default) in one transaction under
/// <c>pg_advisory_xact_lock</c>: when several nodes start at once, the first applies the steps and the others wait,
/// then find nothing left to do. DDL is transactional on PostgreSQL, so a failed step leaves no half-migrated schema.
/// Every component takes the same lock, so two components never create schema_migrations at the same moment.
/// </summary>
internal sealed partial class PostgresMigrator(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger logger, string component = MigrationPlan.Component)
{
    // Arbitrary but fixed: every Nightjar build must take the same lock. ("NJ-JRNL" in ASCII.)
    private const long AdvisoryLockKey = 0x4E4A_2D4A_524E_4C;

    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            component  text        NOT NULL,
            version    integer     NOT NULL,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL,
            PRIMARY KEY (component, version)
        )
        """;

    private const string SelectAppliedSql = "SELECT version, name FROM schema_migrations WHERE component = $1 ORDER BY version";

    public async Task MigrateAsync(IReadOnlyList<JournalMigration> migrations, CancellationToken cancellationToken)
    {
        MigrationPlan.Validate(migrations, component);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(CreateTableSql, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var missing = MigrationPlan.Missing(migrations, await ReadAsync(connection, transaction, component, cancellationToken), component);
        foreach (var migration in missing)
        {
            await using (var step = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (component, version, name, applied_at) VALUES ($1, $2, $3, $4)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = component });
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            record.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return [];
            }
        }

        return await ReadAsync(connection, transaction: null, component, cancellationToken);
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string component, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SelectAppliedSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = component });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1)));
        }

        return applied;
    }
}
