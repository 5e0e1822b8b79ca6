using Microsoft.Extensions.Logging;

namespace Nightjar.Cluster.Coordination;

public sealed partial class NodeMembership
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Node {NodeId} joined the cluster as incarnation {Incarnation} (instance {InstanceId})")]
        public static partial void Joined(ILogger logger, string nodeId, long incarnation, Guid instanceId);

        [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Clock of node {NodeId} is {OffsetMs} ms off the database's")]
        public static partial void ClockOffsetHigh(ILogger logger, string nodeId, double offsetMs);

        [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Heartbeat of node {NodeId} incarnation {Incarnation} failed: {Error}")]
        public static partial void HeartbeatFailed(ILogger logger, string nodeId, long incarnation, string error);

        [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Node {NodeId} incarnation {Incarnation} lost its lease: it no longer acts as a member")]
        public static partial void LeaseLost(ILogger logger, string nodeId, long incarnation);

        [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Node {NodeId} incarnation {Incarnation} renewed its lease again")]
        public static partial void LeaseRegained(ILogger logger, string nodeId, long incarnation);

        [LoggerMessage(EventId = 7005, Level = LogLevel.Critical, Message = "Node {NodeId} incarnation {Incarnation} is dead in the cluster ({Reason}): it must stop and exit")]
        public static partial void DeclaredDead(ILogger logger, string nodeId, long incarnation, string reason);

        [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Node {NodeId} incarnation {Incarnation} is leaving (drain)")]
        public static partial void Leaving(ILogger logger, string nodeId, long incarnation);

        [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "Node {NodeId} incarnation {Incarnation} left the cluster")]
        public static partial void Left(ILogger logger, string nodeId, long incarnation);

        [LoggerMessage(EventId = 7008, Level = LogLevel.Warning, Message = "Assignment listener of node {NodeId} lost its connection: {Error}")]
        public static partial void ListenerFailed(ILogger logger, string nodeId, string error);

        [LoggerMessage(EventId = 7009, Level = LogLevel.Error, Message = "A cluster {EventName} handler failed")]
        public static partial void HandlerFailed(ILogger logger, string eventName, Exception exception);
    }
}
