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
                CheckReasons(input, plan, seed);
                CheckUnplaceableFitsNowhere(input, plan, seed);
            }
        }
    }

    /// <summary>Each move's reason matches why the camera had to (or could) move; nothing else moves.</summary>
    private static void CheckReasons(PlacementInput input, PlacementPlan plan, int seed)
    {
        var nodes = input.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var cameras = input.Cameras.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var move in plan.Moves)
        {
            var camera = cameras[move.CameraId];
            input.Assignments.TryGetValue(move.CameraId, out var from);
            move.FromNode.Should().Be(from, "seed {0}", seed);
            PlacementNode? node = null;
            var expected = from is null ? MoveReason.Initial
                : !nodes.TryGetValue(from, out node) || node.State == NodeState.Dead ? MoveReason.Failover
                : node.State == NodeState.Draining ? MoveReason.Drain
                : !Carries(node, camera) ? MoveReason.Label
                : MoveReason.Rebalance;
            move.Reason.Should().Be(expected, "seed {0}, camera {1}", seed, camera.Id);
            if (expected == MoveReason.Rebalance)
            {
                node!.State.Should().Be(NodeState.Alive, "seed {0}: rebalancing moves only between alive nodes", seed);
                (camera.LastMovedAt is not { } at || input.Now - at >= input.Rules.RebalanceCooldown).Should().BeTrue("seed {0}: {1} is in cooldown", seed, camera.Id);
            }
        }
    }

    /// <summary>Every placeable camera is placed: an unplaceable one fits no alive node carrying its labels.</summary>
    private static void CheckUnplaceableFitsNowhere(PlacementInput input, PlacementPlan plan, int seed)
    {
        var cameras = input.Cameras.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var maxU = input.Rules.MaxUtilization;
        foreach (var id in plan.Unplaceable)
        {
            var camera = cameras[id];
            var demand = camera.Demand;
            foreach (var node in input.Nodes.Where(n => n.State == NodeState.Alive && Carries(n, camera)))
            {
                var after = plan.Load(node.Id).Used + demand;
                var cap = node.Capacity;
                bool fits = after.IngestMbps <= cap.IngestMbps * maxU
                    && after.Cameras <= cap.Cameras * maxU
                    && (cap.StorageBytes is not { } storage || after.StorageBytes <= storage * maxU);
                fits.Should().BeFalse("seed {0}: unplaceable camera {1} fits on {2}", seed, id, node.Id);
            }
        }
    }

    private static bool Carries(PlacementNode node, PlacementCamera camera) =>
        camera.RequiredLabels is null
        || camera.RequiredLabels.All(r => node.Labels is not null && node.Labels.TryGetValue(r.Key, out var v) && v == r.Value);
}
