namespace Nightjar.Cluster.Placement;

/// <summary>What a node declares it can carry.</summary>
/// <param name="IngestMbps">Ingest bandwidth (its share of the NIC) in Mbit/s; positive.</param>
/// <param name="Cameras">Camera slots; positive.</param>
/// <param name="StorageBytes">
/// Storage available to the recordings this node takes on, in bytes; <c>null</c> when storage is shared (NAS, object
/// storage) and not a per-node limit. The coordinator should pass what is left after the footprint of archives that
/// linger from cameras moved away, so that storage is not promised twice.
/// </param>
public sealed record NodeCapacity(double IngestMbps, int Cameras, long? StorageBytes)
{
    /// <summary>
    /// The node's load for <paramref name="used"/>: its most-used dimension against capacity (dominant share), so a
    /// node fills in proportion to whichever resource binds first.
    /// </summary>
    public double UtilizationOf(ResourceUsage used) =>
        Math.Max(Math.Max(IngestUtilizationOf(used), CameraUtilizationOf(used)), StorageUtilizationOf(used));

    public double IngestUtilizationOf(ResourceUsage used) => used.IngestMbps / IngestMbps;

    public double CameraUtilizationOf(ResourceUsage used) => (double)used.Cameras / Cameras;

    /// <summary>Storage used against capacity; 0 when storage is not a per-node limit.</summary>
    public double StorageUtilizationOf(ResourceUsage used) => StorageBytes is { } storage ? (double)used.StorageBytes / storage : 0;
}
