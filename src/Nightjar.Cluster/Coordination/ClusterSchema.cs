using Microsoft.Extensions.Logging;
using Nightjar.Persistence.Postgres;
using Npgsql;

namespace Nightjar.Cluster.Coordination;

/// <summary>Creates or upgrades the cluster's schema <c>nightjar_cluster</c>.</summary>
public static class ClusterSchema
{
    /// <summary>
    /// Applies the cluster's migrations (component "cluster" in <c>schema_migrations</c>). Run it after the journal's
    /// migrations: it installs the DVR fence as a trigger on <c>event_journal</c>, found through the data source's
    /// search path like the journal finds it.
    /// </summary>
    public static Task MigrateAsync(NpgsqlDataSource db, TimeProvider time, ILogger logger, CancellationToken ct) =>
        PostgresSchemaMigrations.ApplyAsync(db, ClusterMigrations.Component, ClusterMigrations.All, time, logger, ct);
}
