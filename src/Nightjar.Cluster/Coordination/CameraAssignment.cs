namespace Nightjar.Cluster.Coordination;

/// <summary>A camera this node owns, and what it should do with it.</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="Epoch">The fencing token the acks must carry.</param>
/// <param name="State">Starting: start and report; active: record; releasing: stop, then report the release.</param>
/// <param name="TargetNode">While releasing, the node that takes over.</param>
public sealed record CameraAssignment(string CameraId, long Epoch, AssignmentState State, string? TargetNode);
