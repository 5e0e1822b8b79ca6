using System.Text.Json;
using Nightjar.Cluster.Placement;
using Npgsql;

namespace Nightjar.Cluster.Coordination;

public sealed partial class ClusterCoordinator
{
    private async Task<ClusterState> ReadStateAsync(CancellationToken ct)
    {
        await using var connection = await _db.OpenConnectionAsync(ct);
        // One snapshot for all four reads, so nodes, assignments and "now" agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT now(), membership_version, membership_changed_at FROM nightjar_cluster.cluster_meta"),
                new NpgsqlBatchCommand("""
                    SELECT node_id, incarnation, status, lease_expires_at + $1 < now(),
                           cap_ingest_mbps, cap_cameras, cap_storage_bytes, labels::text
                      FROM nightjar_cluster.cluster_node WHERE status <> 'dead'
                    """) { Parameters = { Sql.Interval(_timing.TakeoverGrace) } },
                new NpgsqlBatchCommand("""
                    SELECT camera_id, epoch, state, owner_node, owner_incarnation, moved_at,
                           state = 'starting' AND updated_at < now() - $1
                      FROM nightjar_cluster.camera_assignment
                    """) { Parameters = { Sql.Interval(_timing.StartAckTimeout) } },
                new NpgsqlBatchCommand("SELECT camera_id, mbps FROM nightjar_cluster.camera_bitrate"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var now = reader.GetFieldValue<DateTimeOffset>(0);
        var version = reader.GetInt64(1);
        var changedAt = reader.GetFieldValue<DateTimeOffset>(2);

        await reader.NextResultAsync(ct);
        var nodes = new List<ClusterState.Node>();
        while (await reader.ReadAsync(ct))
        {
            nodes.Add(new ClusterState.Node(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetBoolean(3),
                new NodeCapacity(reader.GetDouble(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(7)) ?? []));
        }

        await reader.NextResultAsync(ct);
        var assignments = new List<ClusterState.Assignment>();
        while (await reader.ReadAsync(ct))
        {
            assignments.Add(new ClusterState.Assignment(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetBoolean(6)));
        }

        await reader.NextResultAsync(ct);
        var bitrates = new Dictionary<string, double>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            bitrates[reader.GetString(0)] = reader.GetDouble(1);
        }

        return new ClusterState(now, version, changedAt, nodes, assignments, bitrates);
    }

    private NpgsqlCommand Fenced(string function, params NpgsqlParameter[] arguments)
    {
        // Every coordinator write names its term; the SQL function asserts it first (FOR SHARE on the leader row).
        var placeholders = string.Join(", ", Enumerable.Range(1, arguments.Length + 3).Select(i => "$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        NpgsqlParameter[] all = [Sql.Text(_self.Identity.NodeId), Sql.Int64(_self.Incarnation), Sql.Int64(Term), .. arguments];
        return Sql.Command(_db, $"SELECT * FROM nightjar_cluster.{function}({placeholders})", all);
    }
}
