using Microsoft.Extensions.Logging;
using Nightjar.Persistence.Migrations;
using Npgsql;

namespace Nightjar.Persistence.Postgres;

/// <summary>
/// Lets another area (the cluster) keep its own versioned steps in <c>schema_migrations</c> under its own component
/// name, applied by the journal's migrator: one transaction, the same advisory lock, the same name check.
/// </summary>
public static class PostgresSchemaMigrations
{
    /// <summary>
    /// Applies the steps of <paramref name="component"/> that are not recorded yet, in order; <paramref name="steps"/>
    /// are versions 1, 2, 3... with a name and SQL, and a released step is never edited.
    /// </summary>
    /// <exception cref="InvalidOperationException">The steps are malformed, or the database was migrated by a diverging build.</exception>
    public static Task ApplyAsync(
        NpgsqlDataSource dataSource,
        string component,
        IReadOnlyList<(int Version, string Name, string Sql)> steps,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var migrations = steps.Select(s => new JournalMigration(s.Version, s.Name, s.Sql)).ToArray();
        return new PostgresMigrator(dataSource, timeProvider, logger, component).MigrateAsync(migrations, cancellationToken);
    }
}
