using Nightjar.Persistence;

namespace Nightjar.Server.Api.Events;

internal sealed partial class EventStream
{
    [LoggerMessage(EventId = 6700, Level = LogLevel.Debug, Message = "Event stream opened after {After}")]
    private static partial void LogOpened(ILogger logger, JournalOffset after);

    [LoggerMessage(EventId = 6701, Level = LogLevel.Information, Message = "Event stream client fell more than {Capacity} events behind and was disconnected; it can resume with Last-Event-ID")]
    private static partial void LogOverflow(ILogger logger, int capacity);
}
