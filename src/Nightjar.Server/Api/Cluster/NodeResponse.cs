using Nightjar.Cluster.Coordination;

namespace Nightjar.Server.Api.Cluster;

/// <summary>One node in <c>GET /api/v1/nodes</c>: its identity, state, declared capacity, load by dimension and cameras.</summary>
internal sealed record NodeResponse(
    string Id,
    long Incarnation,
    string Status,
    Uri HttpUrl,
    Uri RtspUrl,
    IReadOnlyDictionary<string, string> Labels,
    NodeCapacityResponse Capacity,
    NodeLoadResponse Load,
    IReadOnlyList<string> Cameras,
    bool IsCoordinator,
    DateTimeOffset? HeartbeatAt,
    DateTimeOffset? LeaseExpiresAt,
    string? DeadReason)
{
    public static NodeResponse From(NodeView node) => new(
        node.NodeId,
        node.Incarnation,
        node.Status,
        node.HttpUrl,
        node.RtspUrl,
        node.Labels,
        new NodeCapacityResponse(node.CapacityIngestMbps, node.CapacityCameras, node.CapacityStorageBytes),
        new NodeLoadResponse(node.LoadIngestMbps, node.LoadCameras, node.LoadStorageBytes, node.Utilization),
        node.Cameras,
        node.IsCoordinator,
        node.HeartbeatAt,
        node.LeaseExpiresAt,
        node.DeadReason);
}
