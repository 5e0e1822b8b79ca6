using Nightjar.Cluster.Placement;

namespace Nightjar.Benchmarks.Placement;

/// <summary>
/// The benchmark cluster: 100 nodes in three sizes (1×, 1.5×, 2×) and 10,000 cameras of 1–8 Mbit/s with 7–30 days
/// of retention, seeded. About 56 % of camera slots, 50 % of ingest and 12 % of storage are used, so neither slots
/// nor ingest decides every placement alone.
/// </summary>
public static class BenchCluster
{
    public const int NodeCount = 100;
    public const int CameraCount = 10_000;
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static PlacementNode[] Nodes()
    {
        const long tb = 1_000_000_000_000;
        return Enumerable.Range(0, NodeCount)
            .Select(i =>
            {
                double size = 1 + (0.5 * (i % 3));
                var capacity = new NodeCapacity(600 * size, (int)(120 * size), (long)(480 * tb * size));
                return new PlacementNode($"node-{i:D3}", NodeState.Alive, capacity);
            })
            .ToArray();
    }

    public static PlacementCamera[] Cameras(int seed = 2026)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, CameraCount)
            .Select(i => new PlacementCamera($"cam-{i:D5}", 1 + (random.NextDouble() * 7))
            {
                RetentionDepth = TimeSpan.FromDays(random.Next(7, 31)),
            })
            .ToArray();
    }

    /// <summary>All cameras placed by a first round, an hour later (past the cooldown of that placement).</summary>
    public static PlacementInput Settled()
    {
        var input = new PlacementInput(Nodes(), Cameras(), new Dictionary<string, string>(StringComparer.Ordinal), Start);
        var plan = PlacementPlanner.Plan(input);
        if (plan.Unplaceable.Count > 0)
        {
            throw new InvalidOperationException($"the benchmark cluster does not fit: {plan.Unplaceable.Count} unplaceable");
        }

        return input.Apply(plan) with { Now = Start + TimeSpan.FromHours(1) };
    }
}
