namespace Nightjar.Cluster.Placement;

/// <summary>The result of one placement round: the desired assignment and how it differs from the current one.</summary>
/// <param name="Assignments">Camera id → node id for every camera that has a node (placed or kept).</param>
/// <param name="Moves">The changes against the input assignment, in the order they were decided.</param>
/// <param name="Unplaceable">Cameras without a node because they fit nowhere (sorted): raise an alarm.</param>
/// <param name="Stranded">
/// Cameras that must leave their node (draining, or a required label lost) but fit nowhere else (sorted); they stay
/// where they are for now: raise an alarm, the drain cannot finish.
/// </param>
/// <param name="Loads">Every node's load under this plan (sorted by node id).</param>
/// <param name="Imbalance">Highest minus lowest load over alive nodes under this plan (0 with fewer than two).</param>
/// <param name="RebalanceSessionOpen">The hysteresis state to pass into the next round.</param>
public sealed record PlacementPlan(
    IReadOnlyDictionary<string, string> Assignments,
    IReadOnlyList<PlacementMove> Moves,
    IReadOnlyList<string> Unplaceable,
    IReadOnlyList<string> Stranded,
    IReadOnlyList<NodeLoad> Loads,
    double Imbalance,
    bool RebalanceSessionOpen)
{
    /// <summary>How many moves of <paramref name="reason"/> the plan holds.</summary>
    public int CountMoves(MoveReason reason) => Moves.Count(m => m.Reason == reason);
}
