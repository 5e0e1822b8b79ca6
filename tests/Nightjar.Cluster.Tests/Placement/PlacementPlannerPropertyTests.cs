namespace Nightjar.Cluster.Tests.Placement;

/// <summary>Invariants over many seeded random clusters, each run for a few rounds.</summary>
public sealed class PlacementPlannerPropertyTests
{
    [Fact]
    public void Plan_RandomClusters_KeepEveryInvariant()
    {
        for (int seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var simulation = new PlacementSimulation(RandomClusters.Create(random));
            for (int round = 0; round < 3; round++)
            {
                var input = simulation.Current;
                var plan = simulation.Step();
                var violations = new List<string>();
                CheckReasons(input, plan, violations);
                CheckUnplaceableFitsNowhere(input, plan, violations);
                violations.Should().BeEmpty("seed {0}, round {1}", seed, round);
            }
        }
    }

    /// <summary>Each move's reason matches why the camera had to (or could) move; nothing else moves.</summary>
    private static void CheckReasons(PlacementInput input, PlacementPlan plan, List<string> violations)
    {
        var nodes = input.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var cameras = input.Cameras.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var move in plan.Moves)
        {
            var camera = cameras[move.CameraId];
            input.Assignments.TryGetValue(move.CameraId, out var from);
            if (move.FromNode != from)
            {
                violations.Add($"{move.CameraId} moved from {move.FromNode}, but was on {from}");
            }

            PlacementNode? node = null;
            var expected = from is null ? MoveReason.Initial
                : !nodes.TryGetValue(from, out node) || node.State == NodeState.Dead ? MoveReason.Failover
                : node.State == NodeState.Draining ? MoveReason.Drain
                : !Carries(node, camera) ? MoveReason.Label
                : MoveReason.Rebalance;
            if (move.Reason != expected)
            {
                violations.Add($"{move.CameraId} moved for {move.Reason}, expected {expected}");
            }

            if (expected == MoveReason.Rebalance && node!.State != NodeState.Alive)
            {
                violations.Add($"{move.CameraId} rebalanced off {node.Id}, which is {node.State}");
            }

            if (expected == MoveReason.Rebalance && camera.LastMovedAt is { } at && input.Now - at < input.Rules.RebalanceCooldown)
            {
                violations.Add($"{move.CameraId} rebalanced within its cooldown");
            }
        }
    }

    /// <summary>Every placeable camera is placed: an unplaceable one fits no alive node carrying its labels.</summary>
    private static void CheckUnplaceableFitsNowhere(PlacementInput input, PlacementPlan plan, List<string> violations)
    {
        var cameras = input.Cameras.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var maxU = input.Rules.MaxUtilization;
        var loads = plan.Loads.ToDictionary(l => l.NodeId, StringComparer.Ordinal);
        foreach (var id in plan.Unplaceable)
        {
            var camera = cameras[id];
            var demand = camera.Demand;
            foreach (var node in input.Nodes.Where(n => n.State == NodeState.Alive && Carries(n, camera)))
            {
                var after = loads[node.Id].Used + demand;
                var cap = node.Capacity;
                bool fits = after.IngestMbps <= cap.IngestMbps * maxU
                    && after.Cameras <= cap.Cameras * maxU
                    && (cap.StorageBytes is not { } storage || after.StorageBytes <= storage * maxU);
                if (fits)
                {
                    violations.Add($"unplaceable camera {id} fits on {node.Id}");
                }
            }
        }
    }

    private static bool Carries(PlacementNode node, PlacementCamera camera) =>
        camera.RequiredLabels is null
        || camera.RequiredLabels.All(r => node.Labels is not null && node.Labels.TryGetValue(r.Key, out var v) && v == r.Value);
}
