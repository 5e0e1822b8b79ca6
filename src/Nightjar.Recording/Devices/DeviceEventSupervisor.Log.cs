using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Devices;

// EventIds 6550-6559: the device event supervisor.
public sealed partial class DeviceEventSupervisor
{
    [LoggerMessage(EventId = 6550, Level = LogLevel.Information, Message = "Starting event source {Device} for {Cameras} cameras")]
    private static partial void LogStarting(ILogger logger, string device, int cameras);

    [LoggerMessage(EventId = 6551, Level = LogLevel.Warning, Message = "Camera {CameraId}: its event source password cannot be decrypted with this node's keys; no events from it")]
    private static partial void LogUndecryptable(ILogger logger, string cameraId);
}
