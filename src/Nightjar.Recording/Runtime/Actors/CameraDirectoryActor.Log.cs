using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Runtime.Actors;

internal sealed partial class CameraDirectoryActor
{
    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Camera directory recovered: {Count} cameras (registry version {Version})")]
    private static partial void LogRecovered(ILogger logger, int count, long version);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Journaled {EventType} of camera {Camera} (registry version {Version})")]
    private static partial void LogChanged(ILogger logger, string eventType, string camera, long version);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Debug, Message = "Camera registry caught up with {Applied} events from the journal: {Count} cameras (registry version {Version})")]
    private static partial void LogCaughtUp(ILogger logger, int applied, int count, long version);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Camera registry refresh failed; retrying at the next interval")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Information, Message = "{EventType} of camera {Camera} lost a write race at sequence {SequenceNr}; catching up and deciding again")]
    private static partial void LogConflict(ILogger logger, string eventType, string camera, long sequenceNr);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Information, Message = "Camera {Camera} stops recording on this node (disabled, removed or no longer owned)")]
    private static partial void LogCameraStopping(ILogger logger, string camera);
}
