using Microsoft.Extensions.Logging;

namespace Nightjar.Media.Ffmpeg;

// EventIds 2200-2219: Nightjar.Media ffmpeg processes.
public sealed partial class FfmpegProcess
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Started process {Pid}: {Command}")]
    private static partial void LogStarted(ILogger logger, int pid, string command);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Process {Pid} exited with code {ExitCode}; last error: {LastError}")]
    private static partial void LogExited(ILogger logger, int pid, int exitCode, string? lastError);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Process {Pid} ignored SIGTERM for {Grace}; sending SIGKILL")]
    private static partial void LogKillAfterGrace(ILogger logger, int pid, TimeSpan grace);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Debug, Message = "Process {Pid} stderr: {Line}")]
    private static partial void LogStderr(ILogger logger, int pid, string line);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Error, Message = "Progress callback of process {Pid} failed")]
    private static partial void LogProgressCallbackFailed(ILogger logger, int pid, Exception exception);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Output pipes of process {Pid} stayed open after it exited")]
    private static partial void LogOutputNotDrained(ILogger logger, int pid);
}
