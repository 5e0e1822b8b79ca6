namespace Nightjar.Cluster.Placement;

/// <summary>Why a camera gets a (new) node in a plan.</summary>
public enum MoveReason
{
    /// <summary>The camera had no node (new, or it fitted nowhere before).</summary>
    Initial,

    /// <summary>Its node is dead or no longer a member.</summary>
    Failover,

    /// <summary>Its node is draining.</summary>
    Drain,

    /// <summary>Its node no longer carries the labels the camera requires.</summary>
    Label,

    /// <summary>Spreading load: the cluster was past the imbalance threshold, or the node past its capacity.</summary>
    Rebalance,
}
