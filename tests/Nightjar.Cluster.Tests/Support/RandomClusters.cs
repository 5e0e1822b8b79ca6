namespace Nightjar.Cluster.Tests.Support;

/// <summary>Seeded random cluster states covering every input feature, for property and determinism tests.</summary>
internal static class RandomClusters
{
    private static readonly string[] Sites = ["north", "south"];

    public static PlacementInput Create(Random random)
    {
        var now = Clusters.T0;
        var nodes = Enumerable.Range(0, random.Next(1, 13)).Select(i => RandomNode(random, $"node-{i:D2}")).ToArray();
        var nodeIds = nodes.Select(n => n.Id).Append("ghost").ToArray();
        var cameras = Enumerable.Range(0, random.Next(0, 400)).Select(i => RandomCamera(random, $"cam-{i:D3}", nodeIds, now)).ToArray();
        var assignments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var camera in cameras)
        {
            if (random.NextDouble() < 0.7)
            {
                assignments[camera.Id] = nodeIds[random.Next(nodeIds.Length)];
            }
        }

        double threshold = 0.1 + (random.NextDouble() * 0.4);
        var rules = new PlacementRules
        {
            ImbalanceThreshold = threshold,
            ImbalanceTarget = threshold * random.NextDouble(),
            MaxRebalanceMovesPerRound = random.Next(0, 30),
            MaxDrainMovesPerRound = random.Next(0, 30),
            RebalanceCooldown = TimeSpan.FromMinutes(random.Next(0, 30)),
            ArchivePreferenceMargin = random.NextDouble() * 0.1,
            MaxUtilization = 0.5 + (random.NextDouble() * 0.5),
        };
        return new PlacementInput(nodes, cameras, assignments, now)
        {
            Rules = rules,
            MembershipChanging = random.NextDouble() < 0.2,
            RebalanceSessionOpen = random.NextDouble() < 0.3,
        };
    }

    /// <summary>The same state with every list and map in another order.</summary>
    public static PlacementInput Shuffled(PlacementInput input, Random random) =>
        input with
        {
            Nodes = input.Nodes.OrderBy(_ => random.Next()).ToArray(),
            Cameras = input.Cameras.OrderBy(_ => random.Next()).ToArray(),
            Assignments = input.Assignments.OrderBy(_ => random.Next()).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
        };

    private static PlacementNode RandomNode(Random random, string id)
    {
        double roll = random.NextDouble();
        var state = roll < 0.7 ? NodeState.Alive : roll < 0.8 ? NodeState.Draining : roll < 0.9 ? NodeState.Dead : NodeState.Joining;
        long? storage = random.NextDouble() < 0.3 ? null : (long)(1e11 + (random.NextDouble() * 1e13));
        var capacity = new NodeCapacity(50 + (random.NextDouble() * 1950), random.Next(1, 200), storage);
        var labels = random.NextDouble() < 0.8 ? Clusters.Labels(("site", Sites[random.Next(2)])) : null;
        return new PlacementNode(id, state, capacity) { Labels = labels };
    }

    private static PlacementCamera RandomCamera(Random random, string id, string[] nodeIds, DateTimeOffset now)
    {
        double roll = random.NextDouble();
        return new PlacementCamera(id, 0.5 + (random.NextDouble() * 11.5))
        {
            MeasuredMbps = random.NextDouble() < 0.5 ? 0.5 + (random.NextDouble() * 11.5) : null,
            RetentionDepth = roll < 0.5 ? TimeSpan.FromDays(1 + random.Next(30)) : null,
            StorageBytes = roll is >= 0.5 and < 0.7 ? random.NextInt64(0, 2_000_000_000_000) : null,
            RequiredLabels = random.NextDouble() < 0.2 ? Clusters.Labels(("site", Sites[random.Next(2)])) : null,
            ArchiveNode = random.NextDouble() < 0.3 ? nodeIds[random.Next(nodeIds.Length)] : null,
            LastMovedAt = random.NextDouble() < 0.3 ? now - TimeSpan.FromMinutes(random.Next(0, 60)) : null,
            Priority = random.Next(0, 4),
        };
    }
}
