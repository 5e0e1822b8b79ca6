using Npgsql;

namespace Nightjar.Cluster.Coordination;

/// <summary>What this node must run, and its acknowledgements (the node side of the assignment state machine).</summary>
public sealed class AssignmentStore(NpgsqlDataSource db, NodeMembership self)
{
    private const string ReadMineSql = """
        SELECT camera_id, epoch, state, target_node FROM nightjar_cluster.camera_assignment
         WHERE owner_node = $1 AND owner_incarnation = $2 AND state IN ('starting', 'active', 'releasing')
         ORDER BY camera_id
        """;

    /// <summary>The cameras this incarnation owns (starting, active or releasing). Converge on this list: start what is missing, stop what is gone.</summary>
    public async Task<IReadOnlyList<CameraAssignment>> ReadMineAsync(CancellationToken ct)
    {
        await using var command = Sql.Command(db, ReadMineSql, Sql.Text(self.Identity.NodeId), Sql.Int64(self.Incarnation));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var mine = new List<CameraAssignment>();
        while (await reader.ReadAsync(ct))
        {
            mine.Add(new CameraAssignment(
                reader.GetString(0),
                reader.GetInt64(1),
                ParseState(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return mine;
    }

    /// <summary>
    /// Starting → active once this node records <paramref name="camera"/> at <paramref name="epoch"/>. False when the
    /// epoch moved on or the camera was not starting here. Records the failover or handoff duration.
    /// </summary>
    public async Task<bool> RecordingStartedAsync(string camera, long epoch, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        await using var command = Sql.Command(db,
            "SELECT reason, failover_seconds, handoff_seconds FROM nightjar_cluster.recording_started($1, $2, $3, $4)",
            Sql.Text(camera), Sql.Int64(epoch), Sql.Text(self.Identity.NodeId), Sql.Int64(self.Incarnation));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return false;
        }

        var reason = reader.IsDBNull(0) ? null : reader.GetString(0);
        if (!reader.IsDBNull(1))
        {
            ClusterMetrics.FailoverDuration.Record(reader.GetDouble(1));
        }
        else if (!reader.IsDBNull(2) && reason is "drain" or "label" or "rebalance")
        {
            ClusterMetrics.HandoffDuration.Record(reader.GetDouble(2));
        }

        return true;
    }

    /// <summary>
    /// Releasing → the target owns <paramref name="camera"/> at epoch + 1. Call it after the camera stopped here and its
    /// last segment is in the journal. False when the release was aborted or the epoch moved on: re-read and converge.
    /// </summary>
    public async Task<bool> ReleaseCompleteAsync(string camera, long epoch, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        await using var command = Sql.Command(db, "SELECT nightjar_cluster.release_complete($1, $2, $3, $4)",
            Sql.Text(camera), Sql.Int64(epoch), Sql.Text(self.Identity.NodeId), Sql.Int64(self.Incarnation));
        return await command.ExecuteScalarAsync(ct) is long;
    }

    internal static AssignmentState ParseState(string state) => state switch
    {
        "starting" => AssignmentState.Starting,
        "active" => AssignmentState.Active,
        "releasing" => AssignmentState.Releasing,
        _ => AssignmentState.Unassigned,
    };
}
