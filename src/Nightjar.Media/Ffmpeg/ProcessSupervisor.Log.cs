using Microsoft.Extensions.Logging;

namespace Nightjar.Media.Ffmpeg;

// EventIds 2220-2239: Nightjar.Media process supervision.
public sealed partial class ProcessSupervisor
{
    [LoggerMessage(EventId = 2220, Level = LogLevel.Information, Message = "{Name}: run {Run} started as process {Pid}")]
    private static partial void LogRunStarted(ILogger logger, string name, int run, int pid);

    [LoggerMessage(EventId = 2221, Level = LogLevel.Warning, Message = "{Name}: run {Run} ended ({Reason}, exit code {ExitCode}): {LastError}; next start in {Delay}")]
    private static partial void LogRunEnded(ILogger logger, string name, int run, RunExitReason reason, int? exitCode, string? lastError, TimeSpan? delay);

    [LoggerMessage(EventId = 2222, Level = LogLevel.Warning, Message = "{Name}: run {Run} made no progress for {Since}; stopping it")]
    private static partial void LogStalled(ILogger logger, string name, int run, TimeSpan since);

    [LoggerMessage(EventId = 2223, Level = LogLevel.Information, Message = "{Name}: restart of run {Run} requested: {Reason}")]
    private static partial void LogRestartRequested(ILogger logger, string name, int run, string reason);

    [LoggerMessage(EventId = 2224, Level = LogLevel.Debug, Message = "{Name}: process {Pid} stopped: {Outcome}")]
    private static partial void LogProcessStopped(ILogger logger, string name, int pid, ProcessStopOutcome outcome);

    [LoggerMessage(EventId = 2225, Level = LogLevel.Error, Message = "{Name}: event sink failed")]
    private static partial void LogSinkFailed(ILogger logger, string name, Exception exception);
}
