namespace Nightjar.IntegrationTests.Cluster;

/// <summary>One membership row (<c>nightjar_cluster.cluster_node</c>): one incarnation of a node and its status.</summary>
internal sealed record ClusterNodeRow(string NodeId, string Incarnation, string Status, string? DeadReason, DateTimeOffset? DeclaredDeadAt)
{
    public bool IsDead => string.Equals(Status, "dead", StringComparison.Ordinal);
}
