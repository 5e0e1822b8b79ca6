using System.Globalization;
using Npgsql;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// Reads the cluster's shared database from outside, as an auditor would, by plain read-only SQL independent of the code
/// under test: the segment catalog, membership, assignments and authority epochs. A table that does not exist yet
/// (the nodes have not migrated) reads as empty.
/// </summary>
internal sealed class ClusterCatalog(string connectionString)
{
    public const string Schema = "nightjar_cluster";

    public async Task<IReadOnlyList<ClusterSegment>> SegmentsAsync()
    {
        const string Sql = "SELECT source, stream, storage_root, path, start_us, end_us, bytes, state FROM segments ORDER BY source, start_us, id";
        return await QueryAsync(Sql, r => new ClusterSegment(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            FromMicroseconds(r.GetInt64(4)), FromMicroseconds(r.GetInt64(5)), r.GetInt64(6), Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture)));
    }

    /// <summary>Recorded segments by camera, oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ClusterSegment>>> SegmentsByCameraAsync()
    {
        var segments = await SegmentsAsync();
        return segments.Where(s => s.State == ClusterSegment.Recorded)
            .GroupBy(s => s.Camera, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ClusterSegment>)g.OrderBy(s => s.Start).ToList(), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ClusterNodeRow>> NodesAsync() =>
        await QueryAsync(
            $"SELECT node_id, incarnation, status, dead_reason, declared_dead_at FROM {Schema}.cluster_node ORDER BY node_id, incarnation",
            r => new ClusterNodeRow(
                r.GetString(0), Text(r.GetValue(1))!, r.GetString(2), Text(r.GetValue(3)),
                r.IsDBNull(4) ? null : Time(r.GetDateTime(4))));

    public async Task<IReadOnlyList<CameraAssignmentRow>> AssignmentsAsync() =>
        await QueryAsync(
            $"SELECT camera_id, epoch, owner_node, state FROM {Schema}.camera_assignment ORDER BY camera_id",
            r => new CameraAssignmentRow(r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Text(r.GetValue(2)), Text(r.GetValue(3))!));

    /// <summary>
    /// Handoffs in progress: each camera being released, to which node, and when the coordinator asked for it (DB time,
    /// the decision of its round).
    /// </summary>
    public async Task<IReadOnlyList<(string Camera, string? Target, DateTimeOffset RequestedAt)>> ReleaseRequestsAsync() =>
        await QueryAsync(
            $"SELECT camera_id, target_node, release_requested_at FROM {Schema}.camera_assignment WHERE release_requested_at IS NOT NULL",
            r => (r.GetString(0), Text(r.GetValue(1)), Time(r.GetDateTime(2))));

    public async Task<IReadOnlyList<CameraEpochRow>> EpochsAsync() =>
        await QueryAsync(
            $"SELECT camera_id, epoch, node_id, incarnation, valid_from, valid_to, reason FROM {Schema}.camera_epoch ORDER BY camera_id, epoch",
            r => new CameraEpochRow(
                r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Text(r.GetValue(2))!, Text(r.GetValue(3))!,
                Time(r.GetDateTime(4)), r.IsDBNull(5) || r.GetDateTime(5) == DateTime.MaxValue ? null : Time(r.GetDateTime(5)), Text(r.GetValue(6))));

    /// <summary>
    /// Pairs of epochs of one camera whose authority intervals intersect (I1), computed by PostgreSQL's own range
    /// arithmetic; an open end (<c>valid_to</c> null) is unbounded.
    /// </summary>
    public async Task<IReadOnlyList<string>> OverlappingEpochsAsync() =>
        await QueryAsync(
            $"""
            SELECT a.camera_id || ': #' || a.epoch || ' ' || a.node_id || ' [' || a.valid_from || ', ' || coalesce(a.valid_to::text, '∞')
                   || ') and #' || b.epoch || ' ' || b.node_id || ' [' || b.valid_from || ', ' || coalesce(b.valid_to::text, '∞') || ')'
            FROM {Schema}.camera_epoch a
            JOIN {Schema}.camera_epoch b ON a.camera_id = b.camera_id AND a.epoch < b.epoch
            WHERE tstzrange(a.valid_from, a.valid_to) && tstzrange(b.valid_from, b.valid_to)
            """,
            r => r.GetString(0));

    /// <summary>True once the cluster schema exists (the first node migrated it).</summary>
    public async Task<bool> ClusterSchemaExistsAsync()
    {
        var rows = await QueryAsync($"SELECT 1 FROM information_schema.tables WHERE table_schema = '{Schema}' AND table_name = 'cluster_node'", r => r.GetInt32(0));
        return rows.Count > 0;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map)
    {
        var rows = new List<T>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(map(reader));
            }
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            // Not migrated yet: nothing recorded.
        }

        return rows;
    }

    private static string? Text(object value) => value is DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
}
