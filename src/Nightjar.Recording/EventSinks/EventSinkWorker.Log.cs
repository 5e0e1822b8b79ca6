using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.EventSinks;

internal sealed partial class EventSinkWorker
{
    [LoggerMessage(EventId = 6610, Level = LogLevel.Information, Message = "Event sink {SinkId} delivering to {Url} after {Position}")]
    private static partial void LogStarted(ILogger logger, string sinkId, string url, Nightjar.Persistence.JournalOffset position);

    [LoggerMessage(EventId = 6611, Level = LogLevel.Debug, Message = "Event sink {SinkId} acknowledged {Events} events up to {LastId}")]
    private static partial void LogDelivered(ILogger logger, string sinkId, int events, string lastId);

    [LoggerMessage(EventId = 6612, Level = LogLevel.Warning, Message = "Event sink {SinkId} delivery failed ({Error}), attempt {Attempt}; retrying in {DelaySeconds:0.0} s")]
    private static partial void LogDeliveryFailed(ILogger logger, string sinkId, string error, int attempt, double delaySeconds);

    [LoggerMessage(EventId = 6613, Level = LogLevel.Warning, Message = "Event sink {SinkId} worker failed ({ErrorType}); restarting from its saved position in {DelaySeconds:0.0} s")]
    private static partial void LogWorkerFailed(ILogger logger, string sinkId, string errorType, double delaySeconds);
}
