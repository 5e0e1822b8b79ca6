namespace Nightjar.Server.Cluster;

/// <summary>How to reach a node: its HTTP base URL (Node:PublicUrl) and its RTSP base URL.</summary>
internal sealed record ClusterNodeAddress(string NodeId, Uri HttpUrl, Uri RtspUrl);
