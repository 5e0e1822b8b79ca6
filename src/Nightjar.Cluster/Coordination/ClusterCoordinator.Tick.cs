using Nightjar.Cluster.Placement;

namespace Nightjar.Cluster.Coordination;

public sealed partial class ClusterCoordinator
{
    private bool _sessionOpen;
    private bool _sessionPersisted;
    private long _seenMembershipVersion;
    private bool _massExpiryHeld;
    private long _lastRebalanceAt;
    private bool _coldStartHeld;

    private void ResetTermState()
    {
        _sessionPersisted = _sessionOpen;
        _seenMembershipVersion = -1;
        _massExpiryHeld = false;
        _lastRebalanceAt = long.MinValue;
    }

    private async Task TickAsync(CancellationToken ct)
    {
        var state = await ReadStateAsync(ct);
        if (!await DeclareDeathsAsync(state, ct))
        {
            return;
        }

        if (state.Nodes.Any(n => n.Expired))
        {
            state = await ReadStateAsync(ct);
        }

        if (await AbortExpiredReleasesAsync(ct) > 0)
        {
            state = await ReadStateAsync(ct);
        }

        var cameras = await _cameras(ct);
        if (_seenMembershipVersion >= 0 && state.MembershipVersion != _seenMembershipVersion)
        {
            // A join or a leave opens a balancing session, so a new node fills even inside the hysteresis band.
            _sessionOpen = true;
        }

        _seenMembershipVersion = state.MembershipVersion;
        var changing = state.DbNow - state.MembershipChangedAt < _timing.StableAfter || state.Nodes.Any(n => n.Expired);
        var rebalanceDue = _lastRebalanceAt == long.MinValue || _time.GetElapsedTime(_lastRebalanceAt) >= _timing.RebalanceInterval;
        var input = PlacementInputs.Build(state, cameras, _timing.Rules) with
        {
            MembershipChanging = changing || !rebalanceDue,
            RebalanceSessionOpen = _sessionOpen,
        };
        var plan = WithColdStartHeld(WithStartRetries(PlacementPlanner.Plan(input), state, cameras), state);
        if (!changing && rebalanceDue)
        {
            _lastRebalanceAt = _time.GetTimestamp();
        }

        await ExecuteAsync(plan, state, cameras, ct);
        _sessionOpen = plan.RebalanceSessionOpen;
        if (_sessionOpen != _sessionPersisted)
        {
            await using var persist = Fenced("leader_set_session", Sql.Bool(_sessionOpen));
            await persist.ExecuteNonQueryAsync(ct);
            _sessionPersisted = _sessionOpen;
        }

        Volatile.Write(ref _lastPlan, plan);
    }

    /// <summary>
    /// A camera its node did not start in time is placed again as if that node were full, so it goes elsewhere when it
    /// can (the camera may be unreachable from there); with nowhere else to go it is retried on the same node.
    /// </summary>
    private PlacementPlan WithStartRetries(PlacementPlan plan, ClusterState state, IReadOnlyList<PlacementCamera> cameras)
    {
        var overdue = state.Assignments.Where(a => a.StartOverdue).Select(a => a.CameraId).ToHashSet(StringComparer.Ordinal);
        if (overdue.Count == 0)
        {
            return plan;
        }

        var retry = PlacementPlanner.Plan(PlacementInputs.Build(state, cameras, _timing.Rules, avoidStuckOwners: true) with
        {
            MembershipChanging = true,
            RebalanceSessionOpen = _sessionOpen,
        });
        var elsewhere = retry.Moves.Where(m => overdue.Contains(m.CameraId)).ToDictionary(m => m.CameraId, StringComparer.Ordinal);
        var moves = plan.Moves.Select(m => elsewhere.GetValueOrDefault(m.CameraId) ?? m).ToArray();
        return plan with { Moves = moves };
    }

    /// <summary>
    /// While a cold site's membership is still changing (nodes starting one after another), first placements and
    /// failovers wait: placed at once, every camera that fits would go to the first node up.
    /// </summary>
    private PlacementPlan WithColdStartHeld(PlacementPlan plan, ClusterState state)
    {
        var settling = _timing.ColdStartSettle - (state.DbNow - state.MembershipChangedAt);
        if (settling <= TimeSpan.Zero || plan.Moves.Count == 0)
        {
            _coldStartHeld = false;
            return plan;
        }

        var live = state.Nodes.Where(n => !n.Expired).Select(n => n.NodeId).ToHashSet(StringComparer.Ordinal);
        if (state.Assignments.Any(a => a.OwnerNode is { } owner && live.Contains(owner)))
        {
            return plan;
        }

        var kept = plan.Moves.Where(m => m.Reason is not (MoveReason.Initial or MoveReason.Failover)).ToArray();
        if (!_coldStartHeld)
        {
            _coldStartHeld = true;
            Log.ColdStartHeld(_logger, plan.Moves.Count - kept.Length, live.Count, settling.TotalSeconds, Term);
        }

        return plan with { Moves = kept };
    }

    private async Task<int> AbortExpiredReleasesAsync(CancellationToken ct)
    {
        await using var abort = Fenced("release_abort_expired");
        await using var reader = await abort.ExecuteReaderAsync(ct);
        var aborted = 0;
        while (await reader.ReadAsync(ct))
        {
            aborted++;
            Log.ReleaseAborted(_logger, reader.GetString(0), Term);
        }

        return aborted;
    }

    /// <returns>False when the tick must stop here (mass-expiry guard).</returns>
    private async Task<bool> DeclareDeathsAsync(ClusterState state, CancellationToken ct)
    {
        var expired = state.Nodes.Count(n => n.Expired);
        if (expired == 0)
        {
            _massExpiryHeld = false;
            return true;
        }

        // More than half expiring at once looks like a fault on the coordinator's or the database's path rather than
        // many node failures: wait one tick before believing it (Orleans vote cap, Akka down-all-when-unstable).
        if (expired * 2 > state.Nodes.Count && state.Nodes.Count > 1 && !_massExpiryHeld)
        {
            _massExpiryHeld = true;
            Log.MassExpiry(_logger, expired, state.Nodes.Count, Term);
            return false;
        }

        _massExpiryHeld = false;
        await using var declare = Fenced("declare_expired_nodes", Sql.Interval(_timing.LeaseTtl), Sql.Interval(_timing.TakeoverGrace));
        await using var reader = await declare.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            Log.DeclaredDead(_logger, reader.GetString(0), reader.GetInt64(1), Term);
        }

        return true;
    }

    private async Task ExecuteAsync(PlacementPlan plan, ClusterState state, IReadOnlyList<PlacementCamera> cameras, CancellationToken ct)
    {
        var rows = state.Assignments.ToDictionary(a => a.CameraId, StringComparer.Ordinal);
        var nodes = state.Nodes.ToDictionary(n => n.NodeId, StringComparer.Ordinal);
        var inFlight = state.Assignments.Count(a => a.State == "releasing");
        foreach (var move in plan.Moves)
        {
            if (!nodes.TryGetValue(move.ToNode, out var target) || target.Status != "active" || target.Expired)
            {
                continue;
            }

            rows.TryGetValue(move.CameraId, out var row);
            if (move.Reason is MoveReason.Initial or MoveReason.Failover)
            {
                await AssignAsync(move, row, target, nodes, ct);
            }
            else if (inFlight < _timing.MaxReleasesInFlight && await RequestReleaseAsync(move, row, target, nodes, ct))
            {
                inFlight++;
            }
        }

        var registered = new HashSet<string>(cameras.Select(c => c.Id), StringComparer.Ordinal);
        foreach (var row in state.Assignments.Where(a => !registered.Contains(a.CameraId)))
        {
            await using var unassign = Fenced("unassign_camera", Sql.Text(row.CameraId), Sql.Int64(row.Epoch));
            if (await unassign.ExecuteScalarAsync(ct) is true)
            {
                Log.Unassigned(_logger, row.CameraId, row.OwnerNode, Term);
            }
        }
    }

    private async Task AssignAsync(PlacementMove move, ClusterState.Assignment? row, ClusterState.Node target,
        Dictionary<string, ClusterState.Node> nodes, CancellationToken ct)
    {
        // The planner only sees live owners, so a camera whose owner died arrives here as "initial": name it for what it is.
        var ownerDied = row?.OwnerNode is { } owner && !(nodes.TryGetValue(owner, out var live) && live.Incarnation == row.OwnerIncarnation);
        var reason = row is { StartOverdue: true } ? "start timeout"
            : ownerDied || move.Reason == MoveReason.Failover ? "failover"
            : ClusterMetrics.ReasonTag(move.Reason);
        await using var assign = Fenced("assign_camera",
            Sql.Text(move.CameraId), Sql.Int64(row?.Epoch ?? 0), Sql.Text(target.NodeId), Sql.Int64(target.Incarnation), Sql.Text(reason));
        if (await assign.ExecuteScalarAsync(ct) is long epoch)
        {
            ClusterMetrics.Moves.Add(1, new KeyValuePair<string, object?>("reason", reason == "start timeout" ? "failover" : reason));
            Log.Assigned(_logger, move.CameraId, target.NodeId, epoch, reason, Term);
        }
    }

    private async Task<bool> RequestReleaseAsync(PlacementMove move, ClusterState.Assignment? row, ClusterState.Node target,
        Dictionary<string, ClusterState.Node> nodes, CancellationToken ct)
    {
        // Only an active camera of a live owner can be released: the owner must be there to stop it.
        if (row is not { State: "active", OwnerNode: { } ownerNode }
            || !nodes.TryGetValue(ownerNode, out var owner) || owner.Incarnation != row.OwnerIncarnation || owner.Expired)
        {
            return false;
        }

        var reason = ClusterMetrics.ReasonTag(move.Reason);
        await using var release = Fenced("release_request",
            Sql.Text(move.CameraId), Sql.Int64(row.Epoch), Sql.Text(target.NodeId), Sql.Int64(target.Incarnation),
            Sql.Interval(_timing.ReleaseTimeout), Sql.Text(reason));
        if (await release.ExecuteScalarAsync(ct) is not true)
        {
            return false;
        }

        ClusterMetrics.Moves.Add(1, new KeyValuePair<string, object?>("reason", reason));
        Log.ReleaseRequested(_logger, move.CameraId, ownerNode, target.NodeId, reason, Term);
        return true;
    }
}
