using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Cluster;

/// <summary>
/// Where things live in the cluster, as this node last read it (refreshed on every assignment change and every
/// heartbeat): which node records a camera and how to reach a node. On a single node (SQLite) every answer is "here".
/// </summary>
internal interface IClusterDirectory
{
    /// <summary>False on a single node: nothing is ever remote.</summary>
    bool Enabled { get; }

    /// <summary>This node's id (Node:Id).</summary>
    string LocalNodeId { get; }

    /// <summary>The node recording <paramref name="camera"/> when that is another live node; null when it is this node, or nobody.</summary>
    ClusterNodeAddress? RemoteOwnerOf(CameraId camera);

    /// <summary>A live node other than this one, by id; null for this node, an unknown or a dead node.</summary>
    ClusterNodeAddress? RemoteNode(string nodeId);
}
