namespace Nightjar.Cluster.Placement;

/// <summary>One member as the placement sees it (a row of the membership view).</summary>
/// <param name="Id">The stable node id (not the incarnation: a restarted node gets its cameras back).</param>
/// <param name="State">Its membership state.</param>
/// <param name="Capacity">What it declares it can carry.</param>
public sealed record PlacementNode(string Id, NodeState State, NodeCapacity Capacity)
{
    /// <summary>Labels such as <c>site</c> and <c>zone</c>, matched by ordinal key and value.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
