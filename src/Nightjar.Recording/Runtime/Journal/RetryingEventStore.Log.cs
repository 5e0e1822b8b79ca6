using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Runtime.Journal;

internal sealed partial class RetryingEventStore
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "Journal append to {PersistenceId} failed transiently (attempt {Attempt}), retrying in {DelayMs} ms: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string persistenceId, int attempt, double delayMs, string reason);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Journal append to {PersistenceId} succeeded at attempt {Attempt} after {Seconds:F1} s")]
    private static partial void LogRecovered(ILogger logger, string persistenceId, int attempt, double seconds);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Journal append to {PersistenceId} had committed before its connection failed ({Count} events from {FirstSequenceNr}); not written again")]
    private static partial void LogAmbiguousCommitted(ILogger logger, string persistenceId, long firstSequenceNr, int count);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Error, Message = "Journal append to {PersistenceId} still failing after {Attempt} attempts over {Seconds:F1} s; giving up")]
    private static partial void LogGaveUp(ILogger logger, string persistenceId, int attempt, double seconds, Exception error);
}
