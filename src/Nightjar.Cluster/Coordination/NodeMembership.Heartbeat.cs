using Npgsql;

namespace Nightjar.Cluster.Coordination;

public sealed partial class NodeMembership
{
    private const string HeartbeatSql = """
        SELECT h.status, h.assignment_version, h.membership_version, h.db_now,
               (SELECT count(*) FROM nightjar_cluster.camera_assignment a
                 WHERE a.owner_node = $1 AND a.owner_incarnation = $2 AND a.state <> 'unassigned')
          FROM nightjar_cluster.node_heartbeat($1, $2, $3, $4, $5, $6, $7, $8) h
        """;

    private async Task HeartbeatLoopAsync(CancellationToken stopping)
    {
        var lastAssignmentVersion = long.MinValue;
        var holding = true;
        while (!stopping.IsCancellationRequested)
        {
            var sentAt = _time.GetTimestamp();
            var sentWall = _time.GetUtcNow();
            var deadline = Interlocked.Read(ref _leaseDeadline);
            var remaining = holding ? _time.GetElapsedTime(sentAt, deadline) : _timing.RenewInterval;
            // A renewal that lands after the lease ran out does not help the fence, so never wait past it.
            var attemptTimeout = remaining < _timing.RenewInterval && remaining > TimeSpan.FromMilliseconds(50) ? remaining : _timing.RenewInterval;
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                attempt.CancelAfter(attemptTimeout);
                var beat = await BeatAsync(attempt.Token);
                ClusterMetrics.RenewDuration.Record(_time.GetElapsedTime(sentAt).TotalSeconds);
                if (beat is null)
                {
                    await DeclaredDeadAsync(stopping);
                    return;
                }

                ExtendLease(sentAt);
                _clockOffsetMs = (int)ClockOffsetOf(sentWall, _time.GetUtcNow(), beat.Value.DbNow).TotalMilliseconds;
                Interlocked.Exchange(ref _membershipVersion, beat.Value.MembershipVersion);
                Interlocked.Exchange(ref _ownedCameras, beat.Value.OwnedCameras);
                var previous = (MembershipStatus)Interlocked.Exchange(ref _status, (int)beat.Value.Status);
                if (previous != beat.Value.Status)
                {
                    // e.g. a drain requested through the API of another node (ClusterViews.RequestDrainAsync)
                    var handler = StatusChanged;
                    Raise(handler is null ? null : () => handler(beat.Value.Status), nameof(StatusChanged));
                }
                if (!holding)
                {
                    holding = true;
                    Log.LeaseRegained(_logger, Identity.NodeId, Incarnation);
                    Raise(LeaseRegained, nameof(LeaseRegained));
                }

                if (beat.Value.AssignmentVersion != lastAssignmentVersion)
                {
                    lastAssignmentVersion = beat.Value.AssignmentVersion;
                    Raise(AssignmentsChanged, nameof(AssignmentsChanged));
                }
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested && ex is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                Log.HeartbeatFailed(_logger, Identity.NodeId, Incarnation, ex.Message);
            }

            // Sleep until the next renewal, waking at the lease deadline so a lost lease is announced promptly.
            var next = _timing.RenewInterval - _time.GetElapsedTime(sentAt);
            var untilDeadline = _time.GetElapsedTime(_time.GetTimestamp(), Interlocked.Read(ref _leaseDeadline));
            if (holding && untilDeadline > TimeSpan.Zero && untilDeadline < next)
            {
                next = untilDeadline;
            }

            if (next > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(next, _time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (holding && !HoldsLease)
            {
                holding = false;
                ClusterMetrics.LeaseLost.Add(1);
                Log.LeaseLost(_logger, Identity.NodeId, Incarnation);
                Raise(LeaseLost, nameof(LeaseLost));
            }
        }
    }

    private async Task<Beat?> BeatAsync(CancellationToken ct)
    {
        var bitrates = MeasuredBitrates?.Invoke();
        var cameras = bitrates?.Keys.ToArray() ?? [];
        var mbps = cameras.Select(c => bitrates![c]).ToArray();
        await using var command = Sql.Command(_db, HeartbeatSql,
            Sql.Text(Identity.NodeId), Sql.Int64(Incarnation), Sql.Interval(_timing.LeaseTtl),
            Sql.Double(UsedIngestMbps?.Invoke() ?? 0), Sql.Int64(DiskFreeBytes?.Invoke() ?? 0), Sql.Int32(_clockOffsetMs),
            Sql.TextArray(cameras), Sql.DoubleArray(mbps));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new Beat(
            ParseStatus(reader.GetString(0)),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.GetFieldValue<DateTimeOffset>(3),
            reader.GetInt64(4));
    }

    private async Task DeclaredDeadAsync(CancellationToken stopping)
    {
        Volatile.Write(ref _status, (int)MembershipStatus.Dead);
        Interlocked.Exchange(ref _leaseDeadline, long.MinValue);
        var reason = "declared dead";
        try
        {
            await using var command = Sql.Command(_db,
                "SELECT dead_reason FROM nightjar_cluster.cluster_node WHERE node_id = $1 AND incarnation = $2",
                Sql.Text(Identity.NodeId), Sql.Int64(Incarnation));
            if (await command.ExecuteScalarAsync(stopping) is string text)
            {
                reason = text;
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException)
        {
            // The reason is only for the log; the verdict stands.
        }

        Log.DeclaredDead(_logger, Identity.NodeId, Incarnation, reason);
        var handler = DeclaredDead;
        try
        {
            handler?.Invoke(reason);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(_logger, nameof(DeclaredDead), ex);
        }
    }

    internal static MembershipStatus ParseStatus(string status) => status switch
    {
        "joining" => MembershipStatus.Joining,
        "active" => MembershipStatus.Active,
        "leaving" => MembershipStatus.Leaving,
        _ => MembershipStatus.Dead,
    };

    private readonly record struct Beat(MembershipStatus Status, long AssignmentVersion, long MembershipVersion, DateTimeOffset DbNow, long OwnedCameras);
}
