namespace Nightjar.Cluster.Placement;

/// <summary>A camera getting a node: from its current node (null when it had none) to a new one, and why.</summary>
public sealed record PlacementMove(string CameraId, string? FromNode, string ToNode, MoveReason Reason);
