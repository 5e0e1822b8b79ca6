namespace Nightjar.Cluster.Placement;

/// <summary>
/// Capacity-aware camera placement: a pure, deterministic function from the cluster's state to a plan. It reads no
/// clock (the round's time is an input) and does no I/O; the coordinator calls it each round with the membership view
/// and the current assignment, then writes the plan's moves under its term.
/// </summary>
/// <remarks>
/// <para>
/// A camera demands its bitrate (measured, or expected until measured), one camera slot and the storage its retention
/// needs. A node's load is its most-used dimension against its capacity. Each round, in this order:
/// </para>
/// <list type="number">
/// <item><b>Cameras without a node</b> (new ones, and those of dead or vanished nodes) go, most important and biggest
/// first, to the alive node where they fit in every dimension with the most headroom afterwards, among nodes carrying
/// their required labels. The node holding the camera's archive wins when it fits and its load afterwards is at most
/// <see cref="PlacementRules.ArchivePreferenceMargin"/> above the best. A camera that fits nowhere stays unassigned and
/// is listed in <see cref="PlacementPlan.Unplaceable"/>. This step is not bounded.</item>
/// <item><b>Draining nodes</b> (and nodes that lost a label a camera requires) hand their cameras to other nodes by the
/// same choice, at most <see cref="PlacementRules.MaxDrainMovesPerRound"/> per round; ones that fit nowhere are
/// <see cref="PlacementPlan.Stranded"/>.</item>
/// <item><b>Rebalancing</b>, unless membership is changing: a session opens past
/// <see cref="PlacementRules.ImbalanceThreshold"/> and moves up to <see cref="PlacementRules.MaxRebalanceMovesPerRound"/>
/// cameras per round off the hottest nodes until the spread is within <see cref="PlacementRules.ImbalanceTarget"/>.
/// Cameras in their cooldown stay; a move must relieve its source by a margin and not make the target hotter than the
/// source, so under bitrate noise nothing moves and nothing ping-pongs.</item>
/// </list>
/// <para>
/// Nodes and cameras are processed in ordinal id order and ties break by id, so the same state gives the same plan
/// whatever the order of the input lists. Feed the plan's <see cref="PlacementPlan.RebalanceSessionOpen"/> into the
/// next round (see <see cref="PlacementInput.Apply"/>).
/// </para>
/// </remarks>
public static class PlacementPlanner
{
    /// <summary>Plans one round.</summary>
    /// <exception cref="ArgumentException">The input is inconsistent (duplicate ids, non-positive capacity, …); the message names the item.</exception>
    public static PlacementPlan Plan(PlacementInput input)
    {
        PlacementValidation.Validate(input);
        return new PlacementRound(input).Run();
    }
}
