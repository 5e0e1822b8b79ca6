using System.Collections.Concurrent;
using Nightjar.Recording.Cameras;
using Nightjar.Server.Cluster;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>A hand-written <see cref="IClusterDirectory"/>: tests say which node owns which camera and which nodes are live.</summary>
internal sealed class FakeClusterDirectory(string localNodeId) : IClusterDirectory
{
    private readonly ConcurrentDictionary<string, ClusterNodeAddress> _owners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ClusterNodeAddress> _nodes = new(StringComparer.Ordinal);

    public bool Enabled => true;

    public string LocalNodeId => localNodeId;

    /// <summary>Makes <paramref name="node"/> a live node; with cameras, also their owner.</summary>
    public void Add(ClusterNodeAddress node, params string[] cameras)
    {
        _nodes[node.NodeId] = node;
        foreach (var camera in cameras)
        {
            _owners[camera] = node;
        }
    }

    public ClusterNodeAddress? RemoteOwnerOf(CameraId camera) =>
        _owners.TryGetValue(camera.Value, out var owner) && !string.Equals(owner.NodeId, localNodeId, StringComparison.Ordinal) ? owner : null;

    public ClusterNodeAddress? RemoteNode(string nodeId) =>
        !string.Equals(nodeId, localNodeId, StringComparison.Ordinal) && _nodes.TryGetValue(nodeId, out var node) ? node : null;
}
