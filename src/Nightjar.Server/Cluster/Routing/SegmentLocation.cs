namespace Nightjar.Server.Cluster.Routing;

/// <summary>Where the catalog says a recording file lies.</summary>
/// <param name="Known">False when the catalog has no such file (not closed yet, or never recorded).</param>
/// <param name="NodeId">The node whose disk holds it; null for this node.</param>
internal readonly record struct SegmentLocation(bool Known, string? NodeId)
{
    public static SegmentLocation Unknown => new(false, null);

    public static SegmentLocation Local => new(true, null);
}
