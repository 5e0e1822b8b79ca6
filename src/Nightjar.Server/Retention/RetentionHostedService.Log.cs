namespace Nightjar.Server.Retention;

internal sealed partial class RetentionHostedService
{
    [LoggerMessage(EventId = RetentionEventIds.Started, Level = LogLevel.Information,
        Message = "Retention started (attempt {Attempt})")]
    private partial void LogStarted(int attempt);

    // Error, not Warning: a node whose retention does not run will fill its disks with the oldest recordings kept.
    [LoggerMessage(EventId = RetentionEventIds.StartFailed, Level = LogLevel.Error,
        Message = "Retention could not start (attempt {Attempt}); recording goes on, retrying in {RetrySeconds} s")]
    private partial void LogStartFailed(Exception exception, int attempt, double retrySeconds);

    [LoggerMessage(EventId = RetentionEventIds.Stopped, Level = LogLevel.Information, Message = "Retention stopped")]
    private partial void LogStopped();
}
