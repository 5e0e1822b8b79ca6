namespace Nightjar.Cluster.Coordination;

/// <summary>One camera's assignment as the API shows it.</summary>
public sealed record AssignmentView(
    string CameraId,
    string? NodeId,
    long Epoch,
    string State,
    string? TargetNode,
    DateTimeOffset? MovedAt,
    string? Reason);
