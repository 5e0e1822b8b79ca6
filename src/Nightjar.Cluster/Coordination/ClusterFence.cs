using Npgsql;

namespace Nightjar.Cluster.Coordination;

/// <summary>Connection strings for sessions the DVR fence checks.</summary>
public static class ClusterFence
{
    /// <summary>The server setting that names the writing process instance.</summary>
    public const string Setting = "nightjar.instance";

    /// <summary>The SQLSTATE the fence raises when an append to a camera's DVR stream is refused.</summary>
    public const string RefusedSqlState = "NJF01";

    /// <summary>
    /// <paramref name="connectionString"/> with <c>-c nightjar.instance=&lt;id&gt;</c> added to its Options (keeping any
    /// options already there), so every session it opens is fenced as <paramref name="instanceId"/>.
    /// </summary>
    public static string WithInstance(string connectionString, Guid instanceId)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var option = $"-c {Setting}={instanceId:D}";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? option : $"{builder.Options} {option}";
        return builder.ConnectionString;
    }
}
