using Microsoft.Extensions.Logging;

namespace Nightjar.Cluster.Coordination;

public sealed partial class ClusterCoordinator
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 7020, Level = LogLevel.Information, Message = "Node {NodeId} is the cluster coordinator with term {Term}")]
        public static partial void BecameLeader(ILogger logger, string nodeId, long term);

        [LoggerMessage(EventId = 7021, Level = LogLevel.Warning, Message = "Node {NodeId} stopped coordinating (term {Term}): {Reason}")]
        public static partial void SteppedDown(ILogger logger, string nodeId, long term, string reason);

        [LoggerMessage(EventId = 7022, Level = LogLevel.Error, Message = "Coordinator tick failed (term {Term})")]
        public static partial void TickFailed(ILogger logger, long term, Exception exception);

        [LoggerMessage(EventId = 7023, Level = LogLevel.Warning, Message = "Releasing the coordinator lease (term {Term}) failed: {Error}")]
        public static partial void ReleaseFailed(ILogger logger, long term, string error);

        [LoggerMessage(EventId = 7024, Level = LogLevel.Error, Message = "{Expired} of {Nodes} nodes expired at once: holding death declarations for one tick (term {Term})")]
        public static partial void MassExpiry(ILogger logger, int expired, int nodes, long term);

        [LoggerMessage(EventId = 7025, Level = LogLevel.Warning, Message = "Declared node {NodeId} incarnation {Incarnation} dead: its lease expired (term {Term})")]
        public static partial void DeclaredDead(ILogger logger, string nodeId, long incarnation, long term);

        [LoggerMessage(EventId = 7026, Level = LogLevel.Information, Message = "Camera {CameraId} assigned to {NodeId} at epoch {Epoch} ({Reason}, term {Term})")]
        public static partial void Assigned(ILogger logger, string cameraId, string nodeId, long epoch, string reason, long term);

        [LoggerMessage(EventId = 7027, Level = LogLevel.Information, Message = "Camera {CameraId} asked to leave {Owner} for {Target} ({Reason}, term {Term})")]
        public static partial void ReleaseRequested(ILogger logger, string cameraId, string owner, string target, string reason, long term);

        [LoggerMessage(EventId = 7028, Level = LogLevel.Warning, Message = "Release of camera {CameraId} timed out: it stays with its owner (term {Term})")]
        public static partial void ReleaseAborted(ILogger logger, string cameraId, long term);

        [LoggerMessage(EventId = 7029, Level = LogLevel.Information, Message = "Camera {CameraId} left the registry; unassigned from {Owner} (term {Term})")]
        public static partial void Unassigned(ILogger logger, string cameraId, string? owner, long term);

        [LoggerMessage(EventId = 7030, Level = LogLevel.Warning, Message = "Coordinator could not reach the database (term {Term}): {Error}")]
        public static partial void DatabaseUnreachable(ILogger logger, long term, string error);

        [LoggerMessage(EventId = 7031, Level = LogLevel.Information, Message = "Cold start: {Cameras} cameras wait for membership to settle ({Nodes} nodes so far, {Seconds:F1} s to go) before they are placed (term {Term})")]
        public static partial void ColdStartHeld(ILogger logger, int cameras, int nodes, double seconds, long term);
    }
}
