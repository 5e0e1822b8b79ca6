using Nightjar.Cluster.Placement;

namespace Nightjar.Cluster.Coordination;

/// <summary>What one coordinator tick read from the database (nothing authoritative is kept in memory between ticks).</summary>
internal sealed record ClusterState(
    DateTimeOffset DbNow,
    long MembershipVersion,
    DateTimeOffset MembershipChangedAt,
    IReadOnlyList<ClusterState.Node> Nodes,
    IReadOnlyList<ClusterState.Assignment> Assignments,
    IReadOnlyDictionary<string, double> Bitrates)
{
    /// <summary>A non-dead node; <paramref name="Expired"/> when its lease ran out past the grace (about to be declared dead).</summary>
    public sealed record Node(string NodeId, long Incarnation, string Status, bool Expired, NodeCapacity Capacity, IReadOnlyDictionary<string, string> Labels);

    /// <summary>A camera's row; <paramref name="StartOverdue"/> when it has been starting for longer than the start-ack timeout.</summary>
    public sealed record Assignment(
        string CameraId,
        long Epoch,
        string State,
        string? OwnerNode,
        long? OwnerIncarnation,
        DateTimeOffset? MovedAt,
        bool StartOverdue);
}
