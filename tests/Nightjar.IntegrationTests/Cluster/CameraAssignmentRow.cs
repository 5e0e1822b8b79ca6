namespace Nightjar.IntegrationTests.Cluster;

/// <summary>One row of <c>nightjar_cluster.camera_assignment</c>: a camera's current epoch, owner and handoff state.</summary>
internal sealed record CameraAssignmentRow(string Camera, long Epoch, string? Owner, string State);
