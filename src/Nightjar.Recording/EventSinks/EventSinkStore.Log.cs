using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.EventSinks;

public sealed partial class EventSinkStore
{
    [LoggerMessage(EventId = 6600, Level = LogLevel.Information, Message = "Event sink change {Change} for sink {SinkId} journaled")]
    private static partial void LogChanged(ILogger logger, string change, string sinkId);
}
