namespace Nightjar.Cluster.Placement;

/// <summary>What a node carries under a plan, by dimension.</summary>
public sealed record NodeLoad(string NodeId, NodeState State, ResourceUsage Used, NodeCapacity Capacity)
{
    /// <summary>The node's load: its most-used dimension against capacity.</summary>
    public double Utilization => Capacity.UtilizationOf(Used);

    public double IngestUtilization => Capacity.IngestUtilizationOf(Used);

    public double CameraUtilization => Capacity.CameraUtilizationOf(Used);

    /// <summary>Storage against capacity; 0 when storage is not a per-node limit.</summary>
    public double StorageUtilization => Capacity.StorageUtilizationOf(Used);
}
