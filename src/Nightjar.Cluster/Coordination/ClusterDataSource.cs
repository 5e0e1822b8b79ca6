using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nightjar.Cluster.Coordination;

/// <summary>The control plane's own PostgreSQL pool, separate from the journal's so that heavy journal traffic cannot starve a heartbeat.</summary>
public static class ClusterDataSource
{
    /// <summary>
    /// A data source for <see cref="NodeMembership"/>, <see cref="ClusterCoordinator"/>, <see cref="AssignmentStore"/> and
    /// <see cref="ClusterViews"/>: a small pool (8), short connect and command timeouts (2 s / 3 s), a short cancellation
    /// timeout (a hung server must not hold a heartbeat past its lease), keepalive, and
    /// <c>Application Name=nightjar-ctl-{node}</c> so the sessions are recognisable in pg_stat_activity. Not fenced.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    public static NpgsqlDataSource Create(string connectionString, string nodeId, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.ApplicationName = $"nightjar-ctl-{nodeId}";
        settings.MaxPoolSize = 8;
        settings.Timeout = 2;
        settings.CommandTimeout = 3;
        settings.CancellationTimeout = 500;
        settings.KeepAlive = 5;
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }
}
