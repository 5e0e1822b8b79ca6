using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Runtime.Actors;

internal sealed partial class CameraActor
{
    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "{Camera}/{Stream}: stopping its ingest (stream removed, changed or disabled)")]
    private static partial void LogStreamStopping(ILogger logger, string camera, string stream);
}
