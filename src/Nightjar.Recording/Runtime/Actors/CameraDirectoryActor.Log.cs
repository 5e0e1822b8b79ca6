using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Runtime.Actors;

internal sealed partial class CameraDirectoryActor
{
    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Camera directory recovered: {Count} cameras (registry version {Version})")]
    private static partial void LogRecovered(ILogger logger, int count, long version);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Journaled {EventType} of camera {Camera} (registry version {Version})")]
    private static partial void LogChanged(ILogger logger, string eventType, string camera, long version);
}
