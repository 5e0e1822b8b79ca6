using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Signals;

public sealed partial class CameraSignalPipeline
{
    [LoggerMessage(EventId = 3610, Level = LogLevel.Debug, Message = "Signal from {Source} for unknown camera {Camera} refused")]
    private static partial void LogUnknownCamera(ILogger logger, string source, string camera);

    [LoggerMessage(EventId = 3611, Level = LogLevel.Information, Message = "Signal pipeline resumed {Cameras} cameras, {Open} with a motion window open")]
    private static partial void LogResumed(ILogger logger, int cameras, int open);
}
