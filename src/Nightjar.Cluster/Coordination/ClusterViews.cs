using System.Text.Json;
using Npgsql;

namespace Nightjar.Cluster.Coordination;

/// <summary>Read models for the API and for request routing; any node may serve them.</summary>
public sealed class ClusterViews(NpgsqlDataSource db)
{
    // Load is what placement weighs: the measured bitrate of each owned camera, one slot per camera.
    private const string NodesSql = """
        SELECT n.node_id, n.incarnation, n.status, n.http_url, n.rtsp_url, n.labels::text,
               n.cap_ingest_mbps, n.cap_cameras, n.cap_storage_bytes, n.disk_free_bytes,
               COALESCE(o.mbps, 0), COALESCE(o.cameras, ARRAY[]::text[]),
               n.heartbeat_at, n.lease_expires_at,
               (l.holder_node = n.node_id AND l.holder_incarnation = n.incarnation AND l.expires_at > now()),
               n.dead_reason
          FROM nightjar_cluster.cluster_node n
          CROSS JOIN nightjar_cluster.cluster_leader l
          LEFT JOIN LATERAL (
               SELECT sum(b.mbps) AS mbps, array_agg(a.camera_id ORDER BY a.camera_id) AS cameras
                 FROM nightjar_cluster.camera_assignment a
                 LEFT JOIN nightjar_cluster.camera_bitrate b ON b.camera_id = a.camera_id
                WHERE a.owner_node = n.node_id AND a.owner_incarnation = n.incarnation AND a.state <> 'unassigned') o ON true
         WHERE n.status <> 'dead' OR n.declared_dead_at > now() - interval '1 hour'
         ORDER BY n.node_id, n.incarnation
        """;

    private const string AssignmentsSql = """
        SELECT camera_id, owner_node, epoch, state, target_node, moved_at, reason
          FROM nightjar_cluster.camera_assignment ORDER BY camera_id
        """;

    /// <summary>Every live node, and the dead ones declared within the last hour.</summary>
    public async Task<IReadOnlyList<NodeView>> ReadNodesAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand(NodesSql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var nodes = new List<NodeView>();
        while (await reader.ReadAsync(ct))
        {
            var capIngest = reader.GetDouble(6);
            var capCameras = reader.GetInt32(7);
            long? capStorage = reader.IsDBNull(8) ? null : reader.GetInt64(8);
            var diskFree = reader.GetInt64(9);
            var ingest = reader.GetDouble(10);
            var cameras = reader.GetFieldValue<string[]>(11);
            var storage = capStorage is { } cap && diskFree > 0 ? Math.Max(0, cap - diskFree) : 0;
            var utilization = Math.Max(ingest / capIngest, (double)cameras.Length / capCameras);
            if (capStorage is { } capacity)
            {
                utilization = Math.Max(utilization, (double)storage / capacity);
            }

            nodes.Add(new NodeView(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                new Uri(reader.GetString(3)),
                new Uri(reader.GetString(4)),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
                capIngest,
                capCameras,
                capStorage,
                ingest,
                cameras.Length,
                storage,
                utilization,
                cameras,
                reader.GetFieldValue<DateTimeOffset>(12),
                reader.GetFieldValue<DateTimeOffset>(13),
                !reader.IsDBNull(14) && reader.GetBoolean(14),
                reader.IsDBNull(15) ? null : reader.GetString(15)));
        }

        return nodes;
    }

    /// <summary>Every camera's assignment.</summary>
    public async Task<IReadOnlyList<AssignmentView>> ReadAssignmentsAsync(CancellationToken ct)
    {
        await using var command = db.CreateCommand(AssignmentsSql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var assignments = new List<AssignmentView>();
        while (await reader.ReadAsync(ct))
        {
            assignments.Add(new AssignmentView(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return assignments;
    }

    /// <summary>
    /// True when <paramref name="nodeId"/> (any incarnation) owned <paramref name="cameraId"/> at <paramref name="at"/>:
    /// an epoch interval of that node contains the instant (start inclusive, end exclusive; an open interval is the
    /// current owner). Closed intervals never change, so a true answer for the past stays true.
    /// </summary>
    public async Task<bool> OwnedAtAsync(string cameraId, string nodeId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cameraId);
        ArgumentNullException.ThrowIfNull(nodeId);
        await using var command = Sql.Command(db, """
            SELECT EXISTS (
                SELECT 1 FROM nightjar_cluster.camera_epoch
                 WHERE camera_id = $1 AND node_id = $2 AND valid_from <= $3 AND (valid_to IS NULL OR $3 < valid_to))
            """,
            Sql.Text(cameraId),
            Sql.Text(nodeId),
            new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>Asks the live incarnation of <paramref name="nodeId"/> to drain (active → leaving).</summary>
    public async Task<DrainRequestResult> RequestDrainAsync(string nodeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        await using var command = Sql.Command(db, """
            WITH live AS (
                SELECT node_id, incarnation, status FROM nightjar_cluster.cluster_node WHERE node_id = $1 AND status <> 'dead'
            )
            SELECT status, CASE WHEN status IN ('joining', 'active')
                                THEN nightjar_cluster.node_set_status(node_id, incarnation, ARRAY['joining', 'active'], 'leaving', NULL)
                           END
              FROM live
            """, Sql.Text(nodeId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return DrainRequestResult.NotFound;
        }

        return reader.GetString(0) == "leaving" || reader.IsDBNull(1) || !reader.GetBoolean(1)
            ? DrainRequestResult.AlreadyLeaving
            : DrainRequestResult.Accepted;
    }
}
