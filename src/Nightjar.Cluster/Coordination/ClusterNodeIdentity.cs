using Nightjar.Cluster.Placement;

namespace Nightjar.Cluster.Coordination;

/// <summary>Who this process is in the cluster.</summary>
/// <param name="NodeId">The stable node name (configuration or host name); a restart keeps it.</param>
/// <param name="InstanceId">New for every process start; the journal fence identifies the writer by it.</param>
/// <param name="HttpUrl">Where other nodes forward API requests.</param>
/// <param name="RtspUrl">Where clients reach this node's RTSP relay.</param>
/// <param name="Capacity">What the node declares it can carry.</param>
/// <param name="Labels">Labels cameras may require (site, zone, ...).</param>
/// <param name="AppVersion">The build, shown in the node list.</param>
public sealed record ClusterNodeIdentity(
    string NodeId,
    Guid InstanceId,
    Uri HttpUrl,
    Uri RtspUrl,
    NodeCapacity Capacity,
    IReadOnlyDictionary<string, string> Labels,
    string AppVersion);
