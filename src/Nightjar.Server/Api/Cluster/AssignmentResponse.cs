namespace Nightjar.Server.Api.Cluster;

/// <summary>One camera's assignment: its node, epoch (the fencing token, +1 per owner change), state and pending move.</summary>
internal sealed record AssignmentResponse(string Camera, string? Node, long Epoch, string State, string? Target, DateTimeOffset? MovedAt, string? Reason);
