namespace Nightjar.Cluster.Tests.Support;

/// <summary>
/// What every plan must satisfy, whatever the scenario. Violations are collected as text and asserted once, which
/// keeps a check over thousands of cameras cheap enough to run after every simulated round.
/// </summary>
internal static class PlanInvariants
{
    public static void Check(PlacementInput input, PlacementPlan plan)
    {
        var violations = new List<string>();
        var rules = input.Rules;
        var nodes = input.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var cameras = input.Cameras.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var loads = plan.Loads.ToDictionary(l => l.NodeId, StringComparer.Ordinal);
        var unplaceable = plan.Unplaceable.ToHashSet(StringComparer.Ordinal);

        // The loads the plan reports are exactly the sums of what it assigns.
        var sums = plan.Loads.ToDictionary(l => l.NodeId, _ => default(ResourceUsage), StringComparer.Ordinal);
        foreach (var (camera, node) in plan.Assignments)
        {
            if (!cameras.ContainsKey(camera) || !sums.ContainsKey(node))
            {
                violations.Add($"assignment {camera} → {node} names an unknown camera or node");
                continue;
            }

            sums[node] += cameras[camera].Demand;
        }

        foreach (var load in plan.Loads)
        {
            var sum = sums[load.NodeId];
            if (load.Used.Cameras != sum.Cameras || load.Used.StorageBytes != sum.StorageBytes || Math.Abs(load.Used.IngestMbps - sum.IngestMbps) > 1e-6)
            {
                violations.Add($"node {load.NodeId} reports {load.Used} but carries {sum}");
            }
        }

        foreach (var move in plan.Moves)
        {
            var target = nodes[move.ToNode];
            if (target.State != NodeState.Alive)
            {
                violations.Add($"camera {move.CameraId} moved to {target.Id}, which is {target.State}");
            }

            if (!plan.Assignments.TryGetValue(move.CameraId, out var assigned) || assigned != move.ToNode)
            {
                violations.Add($"camera {move.CameraId} moved to {move.ToNode} but is assigned to {assigned}");
            }

            foreach (var (key, value) in cameras[move.CameraId].RequiredLabels ?? new Dictionary<string, string>())
            {
                if (target.Labels is null || !target.Labels.TryGetValue(key, out var actual) || actual != value)
                {
                    violations.Add($"camera {move.CameraId} requires {key}={value}, {target.Id} lacks it");
                }
            }

            // A node that took a camera this round is within capacity in every dimension (no overcommit).
            var used = loads[move.ToNode].Used;
            var cap = target.Capacity;
            if (used.IngestMbps > cap.IngestMbps * rules.MaxUtilization * (1 + 1e-9)
                || used.Cameras > Math.Floor((cap.Cameras * rules.MaxUtilization) + 1e-9)
                || (cap.StorageBytes is { } storage && used.StorageBytes > storage * rules.MaxUtilization * (1 + 1e-9)))
            {
                violations.Add($"node {target.Id} is overcommitted: {used} against {cap} × {rules.MaxUtilization}");
            }
        }

        if (plan.Moves.Select(m => m.CameraId).Distinct(StringComparer.Ordinal).Count() != plan.Moves.Count)
        {
            violations.Add("a camera moved more than once in one round");
        }

        if (plan.CountMoves(MoveReason.Rebalance) > rules.MaxRebalanceMovesPerRound)
        {
            violations.Add($"{plan.CountMoves(MoveReason.Rebalance)} rebalance moves, bound {rules.MaxRebalanceMovesPerRound}");
        }

        int drains = plan.CountMoves(MoveReason.Drain) + plan.CountMoves(MoveReason.Label);
        if (drains > rules.MaxDrainMovesPerRound)
        {
            violations.Add($"{drains} drain and label moves, bound {rules.MaxDrainMovesPerRound}");
        }

        if (input.MembershipChanging && plan.CountMoves(MoveReason.Rebalance) > 0)
        {
            violations.Add("rebalancing moved cameras while membership was changing");
        }

        // No camera is lost: each one is either assigned to a node that is not dead, or reported unplaceable.
        foreach (var camera in input.Cameras)
        {
            bool assigned = plan.Assignments.TryGetValue(camera.Id, out var node);
            if (assigned == unplaceable.Contains(camera.Id))
            {
                violations.Add($"camera {camera.Id} is {(assigned ? "both assigned and unplaceable" : "neither assigned nor unplaceable")}");
            }
            else if (assigned && nodes[node!].State == NodeState.Dead)
            {
                violations.Add($"camera {camera.Id} stays on dead node {node}");
            }
        }

        violations.Should().BeEmpty();
    }
}
