namespace Nightjar.Server.Api.Cluster;

/// <summary>
/// <c>GET /api/v1/placement</c>: who records which camera. <c>imbalance</c> is the highest minus the lowest
/// utilization of active nodes; <c>unplaceable</c> cameras fit on no node (an alarm); <c>stranded</c> ones must leave
/// their node but fit nowhere else (known on the coordinator only).
/// </summary>
internal sealed record PlacementResponse(
    long? Term,
    string? Coordinator,
    double Imbalance,
    IReadOnlyList<string> Unplaceable,
    IReadOnlyList<string> Stranded,
    IReadOnlyList<AssignmentResponse> Assignments);
