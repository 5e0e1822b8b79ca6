using Microsoft.Extensions.Logging;

namespace Nightjar.Persistence;

internal sealed partial class EventJournal
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "Append to {PersistenceId} conflicted: expected sequence {ExpectedSequenceNr}, stored {ActualSequenceNr}")]
        public static partial void AppendConflict(ILogger logger, string persistenceId, long expectedSequenceNr, long actualSequenceNr);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Journal health check on {Backend} failed")]
        public static partial void HealthCheckFailed(ILogger logger, string backend, Exception exception);
    }
}
