using Microsoft.Extensions.Logging;

namespace Nightjar.Media.Simulation;

/// <summary>Simulation logs, EventIds 3200–3219.</summary>
public sealed partial class SimulatedCameraFleet
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Simulated camera fleet of {Cameras} camera(s) publishing to {Relay}")]
    internal static partial void LogFleetStarted(ILogger logger, int cameras, string relay);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Simulated camera {Path} publisher started (pid {ProcessId})")]
    internal static partial void LogPublisherStarted(ILogger logger, string path, int processId);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Simulated camera {Path} publisher exited with code {ExitCode}; restarting in {Delay}")]
    internal static partial void LogPublisherExited(ILogger logger, string path, int exitCode, TimeSpan delay);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Error, Message = "Simulated camera {Path}: cannot start {Ffmpeg}")]
    internal static partial void LogPublisherStartFailed(ILogger logger, Exception exception, string path, string ffmpeg);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Debug, Message = "Simulated camera {Path} ffmpeg: {Line}")]
    internal static partial void LogPublisherOutput(ILogger logger, string path, string line);
}
