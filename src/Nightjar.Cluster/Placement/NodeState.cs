namespace Nightjar.Cluster.Placement;

/// <summary>A node's membership state as the placement sees it.</summary>
public enum NodeState
{
    /// <summary>Registered but not yet through its self-checks: keeps what it holds, receives nothing new.</summary>
    Joining,

    /// <summary>A full member: receives cameras and takes part in rebalancing.</summary>
    Alive,

    /// <summary>Leaving gracefully: every camera it holds moves away, in bounded steps.</summary>
    Draining,

    /// <summary>Declared dead by the coordinator: its cameras are placed elsewhere at once (failover).</summary>
    Dead,
}
