using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Runtime;

public sealed partial class RecordingEngine
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Recording engine started with {Cameras} cameras ({Adopted} files adopted, {Lost} segments lost at start), storage root {Root}")]
    private static partial void LogStarted(ILogger logger, int cameras, int adopted, int lost, string root);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Recording engine stopped")]
    private static partial void LogStopped(ILogger logger);
}
