using System.Collections.Immutable;
using Nightjar.Cluster.Coordination;
using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Cluster;

/// <summary>
/// <see cref="IClusterDirectory"/> from the shared read models, refreshed by the node agent on every pass (assignment
/// changes wake it; otherwise once per heartbeat). Readers get an immutable snapshot: no lock on the request path.
/// </summary>
internal sealed class ClusterDirectory(ClusterRuntime cluster) : IClusterDirectory
{
    private Snapshot _snapshot = Snapshot.Empty;

    public bool Enabled => true;

    public string LocalNodeId => cluster.Identity.NodeId;

    /// <summary>The nodes as last read, for the nodes view.</summary>
    public IReadOnlyList<NodeView> Nodes => _snapshot.Nodes;

    public ClusterNodeAddress? RemoteOwnerOf(CameraId camera)
    {
        var snapshot = _snapshot;
        return snapshot.Owners.TryGetValue(camera.Value, out var node) ? Remote(snapshot, node) : null;
    }

    public ClusterNodeAddress? RemoteNode(string nodeId) => Remote(_snapshot, nodeId);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var nodes = await cluster.Views.ReadNodesAsync(cancellationToken);
        var placements = await cluster.Views.ReadAssignmentsAsync(cancellationToken);
        var live = nodes.Where(n => !string.Equals(n.Status, "dead", StringComparison.Ordinal))
            .ToImmutableDictionary(n => n.NodeId, n => new ClusterNodeAddress(n.NodeId, n.HttpUrl, n.RtspUrl), StringComparer.Ordinal);
        var owners = placements.Where(p => p.NodeId is not null)
            .ToImmutableDictionary(p => p.CameraId, p => p.NodeId!, StringComparer.Ordinal);
        _snapshot = new Snapshot(nodes, live, owners);
    }

    private ClusterNodeAddress? Remote(Snapshot snapshot, string nodeId) =>
        string.Equals(nodeId, cluster.Identity.NodeId, StringComparison.Ordinal) ? null : snapshot.Live.GetValueOrDefault(nodeId);

    private sealed record Snapshot(
        IReadOnlyList<NodeView> Nodes,
        ImmutableDictionary<string, ClusterNodeAddress> Live,
        ImmutableDictionary<string, string> Owners)
    {
        public static Snapshot Empty { get; } = new(
            [],
            ImmutableDictionary<string, ClusterNodeAddress>.Empty,
            ImmutableDictionary<string, string>.Empty);
    }
}
