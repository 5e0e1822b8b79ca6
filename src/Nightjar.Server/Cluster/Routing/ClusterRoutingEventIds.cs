namespace Nightjar.Server.Cluster.Routing;

/// <summary>EventIds of request routing between nodes: 1850-1869 of the server's range (see <c>ServerEventIds</c>).</summary>
internal static class ClusterRoutingEventIds
{
    public const int OwnerUnreachable = 1850;
    public const int OwnerBrokeOff = 1851;
    public const int NoClusterKey = 1852;
    public const int ForwardLoop = 1853;
    public const int RtspRedirected = 1854;
}
