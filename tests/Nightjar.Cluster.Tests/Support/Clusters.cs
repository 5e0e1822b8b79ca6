namespace Nightjar.Cluster.Tests.Support;

/// <summary>Short builders for placement inputs.</summary>
internal static class Clusters
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static PlacementNode Node(
        string id,
        double mbps = 1000,
        int cameras = 100,
        long? storage = null,
        NodeState state = NodeState.Alive,
        IReadOnlyDictionary<string, string>? labels = null) =>
        new(id, state, new NodeCapacity(mbps, cameras, storage)) { Labels = labels };

    public static PlacementCamera Camera(string id, double mbps = 4, long? storage = null, string? archive = null) =>
        new(id, mbps) { StorageBytes = storage, ArchiveNode = archive };

    /// <summary><paramref name="count"/> cameras named <c>{prefix}-0000</c>… with the same bitrate.</summary>
    public static PlacementCamera[] Cameras(int count, double mbps = 4, string prefix = "cam") =>
        Enumerable.Range(0, count)
            .Select(i => Camera(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{i:D4}"), mbps))
            .ToArray();

    public static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    public static PlacementInput Input(
        IReadOnlyList<PlacementNode> nodes,
        IReadOnlyList<PlacementCamera> cameras,
        IReadOnlyDictionary<string, string>? assignments = null,
        PlacementRules? rules = null) =>
        new(nodes, cameras, assignments ?? new Dictionary<string, string>(StringComparer.Ordinal), T0)
        {
            Rules = rules ?? PlacementRules.Default,
        };

    /// <summary>
    /// The input after a first round has placed every camera, an hour later: the cooldown that placement started has
    /// passed, as in a cluster that has been running for a while.
    /// </summary>
    public static PlacementInput Placed(PlacementInput input)
    {
        var plan = PlacementPlanner.Plan(input);
        plan.Unplaceable.Should().BeEmpty("the scenario must fit");
        return input.Apply(plan) with { Now = input.Now + TimeSpan.FromHours(1) };
    }

    public static PlacementInput WithNode(this PlacementInput input, string id, Func<PlacementNode, PlacementNode> change) =>
        input with { Nodes = input.Nodes.Select(n => n.Id == id ? change(n) : n).ToArray() };

    public static PlacementInput WithNodeState(this PlacementInput input, string id, NodeState state) =>
        input.WithNode(id, n => n with { State = state });

    public static NodeLoad Load(this PlacementPlan plan, string nodeId) => plan.Loads.Single(l => l.NodeId == nodeId);

    public static int CamerasOn(this PlacementPlan plan, string nodeId) => plan.Assignments.Values.Count(n => n == nodeId);
}
