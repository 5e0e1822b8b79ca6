namespace Nightjar.Server.Cluster.Routing;

internal sealed partial class ClusterForwarder
{
    // Paths only, never the query: a playback token rides there.
    [LoggerMessage(EventId = ClusterRoutingEventIds.OwnerUnreachable, Level = LogLevel.Warning,
        Message = "Could not forward {Kind} request {Path} to node {NodeId}: {Reason}")]
    private static partial void LogOwnerUnreachable(ILogger logger, string nodeId, string kind, string? path, string reason);

    [LoggerMessage(EventId = ClusterRoutingEventIds.OwnerBrokeOff, Level = LogLevel.Warning,
        Message = "Node {NodeId} broke off its answer to forwarded {Kind} request {Path}: {Reason}")]
    private static partial void LogOwnerBrokeOff(ILogger logger, string nodeId, string kind, string? path, string reason);

    [LoggerMessage(EventId = ClusterRoutingEventIds.NoClusterKey, Level = LogLevel.Error,
        Message = "Request {Path} belongs to node {NodeId}, but Cluster:Key is not set: nodes cannot call each other")]
    private static partial void LogNoClusterKey(ILogger logger, string nodeId, string? path);
}
