namespace Nightjar.Cluster.Placement;

/// <summary>
/// An amount in each dimension the placement weighs: ingest bitrate, camera slots and storage. It is the demand of one
/// camera as well as the sum of what a node carries.
/// </summary>
/// <param name="IngestMbps">Ingest bitrate in Mbit/s.</param>
/// <param name="Cameras">Camera slots (one per camera).</param>
/// <param name="StorageBytes">Storage for the retention of the cameras, in bytes.</param>
public readonly record struct ResourceUsage(double IngestMbps, int Cameras, long StorageBytes)
{
    public static ResourceUsage operator +(ResourceUsage left, ResourceUsage right) =>
        new(left.IngestMbps + right.IngestMbps, left.Cameras + right.Cameras, left.StorageBytes + right.StorageBytes);

    public static ResourceUsage operator -(ResourceUsage left, ResourceUsage right) =>
        new(left.IngestMbps - right.IngestMbps, left.Cameras - right.Cameras, left.StorageBytes - right.StorageBytes);

    public static ResourceUsage Add(ResourceUsage left, ResourceUsage right) => left + right;

    public static ResourceUsage Subtract(ResourceUsage left, ResourceUsage right) => left - right;
}
