namespace Nightjar.Cluster.Coordination;

/// <summary>One node as the API shows it; loads are computed from the assignments and measured bitrates.</summary>
public sealed record NodeView(
    string NodeId,
    long Incarnation,
    string Status,
    Uri HttpUrl,
    Uri RtspUrl,
    IReadOnlyDictionary<string, string> Labels,
    double CapacityIngestMbps,
    int CapacityCameras,
    long? CapacityStorageBytes,
    double LoadIngestMbps,
    int LoadCameras,
    long LoadStorageBytes,
    double Utilization,
    IReadOnlyList<string> Cameras,
    DateTimeOffset HeartbeatAt,
    DateTimeOffset LeaseExpiresAt,
    bool IsCoordinator,
    string? DeadReason);
