using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.EventSinks;

public sealed partial class EventSinkSupervisor
{
    [LoggerMessage(EventId = 6620, Level = LogLevel.Information, Message = "Event sink {SinkId} worker stopped ({Reason})")]
    private static partial void LogWorkerStopped(ILogger logger, string sinkId, string reason);

    [LoggerMessage(EventId = 6621, Level = LogLevel.Warning, Message = "Event sinks could not be re-read from the journal ({ErrorType}); keeping the current ones")]
    private static partial void LogRefreshFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 6622, Level = LogLevel.Information, Message = "Event sinks: this node delivers now: {Delivering}")]
    private static partial void LogDelivering(ILogger logger, bool delivering);
}
