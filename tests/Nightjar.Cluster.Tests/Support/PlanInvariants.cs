namespace Nightjar.Cluster.Tests.Support;

/// <summary>What every plan must satisfy, whatever the scenario.</summary>
internal static class PlanInvariants
{
    public static void Check(PlacementInput input, PlacementPlan plan)
    {
        var rules = input.Rules;
        var nodes = input.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var cameras = input.Cameras.ToDictionary(c => c.Id, StringComparer.Ordinal);

        // The loads the plan reports are exactly the sums of what it assigns.
        foreach (var load in plan.Loads)
        {
            var carried = plan.Assignments.Where(a => a.Value == load.NodeId).Select(a => cameras[a.Key].Demand).ToList();
            load.Used.Cameras.Should().Be(carried.Count, "node {0} reports its camera count", load.NodeId);
            load.Used.IngestMbps.Should().BeApproximately(carried.Sum(d => d.IngestMbps), 1e-6, "node {0} reports its ingest", load.NodeId);
            load.Used.StorageBytes.Should().Be(carried.Sum(d => d.StorageBytes), "node {0} reports its storage", load.NodeId);
        }

        foreach (var move in plan.Moves)
        {
            var target = nodes[move.ToNode];
            target.State.Should().Be(NodeState.Alive, "camera {0} may only move to an alive node", move.CameraId);
            plan.Assignments[move.CameraId].Should().Be(move.ToNode);
            var required = cameras[move.CameraId].RequiredLabels ?? new Dictionary<string, string>();
            foreach (var (key, value) in required)
            {
                target.Labels.Should().Contain(key, value, "camera {0} requires it", move.CameraId);
            }

            // A node that took a camera this round is within capacity in every dimension.
            var used = plan.Load(move.ToNode).Used;
            var cap = target.Capacity;
            used.IngestMbps.Should().BeLessThanOrEqualTo(cap.IngestMbps * rules.MaxUtilization * (1 + 1e-9), "node {0} ingest", target.Id);
            used.Cameras.Should().BeLessThanOrEqualTo((int)Math.Floor(cap.Cameras * rules.MaxUtilization + 1e-9), "node {0} slots", target.Id);
            if (cap.StorageBytes is { } storage)
            {
                used.StorageBytes.Should().BeLessThanOrEqualTo((long)(storage * rules.MaxUtilization * (1 + 1e-9)), "node {0} storage", target.Id);
            }
        }

        plan.Moves.Select(m => m.CameraId).Should().OnlyHaveUniqueItems("a camera moves at most once per round");
        plan.Moves.Count(m => m.Reason == MoveReason.Rebalance).Should().BeLessThanOrEqualTo(rules.MaxRebalanceMovesPerRound);
        plan.Moves.Count(m => m.Reason is MoveReason.Drain or MoveReason.Label).Should().BeLessThanOrEqualTo(rules.MaxDrainMovesPerRound);
        if (input.MembershipChanging)
        {
            plan.CountMoves(MoveReason.Rebalance).Should().Be(0, "rebalancing pauses while membership changes");
        }

        // No camera is lost: each one is either assigned to a live node or reported unplaceable.
        foreach (var camera in input.Cameras)
        {
            bool assigned = plan.Assignments.TryGetValue(camera.Id, out var node);
            bool unplaceable = plan.Unplaceable.Contains(camera.Id);
            (assigned ^ unplaceable).Should().BeTrue("camera {0} is either assigned or unplaceable", camera.Id);
            if (assigned)
            {
                nodes[node!].State.Should().NotBe(NodeState.Dead, "camera {0} may not stay on a dead node", camera.Id);
            }
        }

        plan.Assignments.Keys.Should().BeSubsetOf(input.Cameras.Select(c => c.Id));
    }
}
