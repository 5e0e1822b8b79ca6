using Nightjar.Recording.Cameras;

namespace Nightjar.Server.Cluster;

/// <summary>The directory of a node that is not in a cluster: everything is local.</summary>
internal sealed class SingleNodeDirectory(string localNodeId) : IClusterDirectory
{
    public bool Enabled => false;

    public string LocalNodeId => localNodeId;

    public ClusterNodeAddress? RemoteOwnerOf(CameraId camera) => null;

    public ClusterNodeAddress? RemoteNode(string nodeId) => null;
}
