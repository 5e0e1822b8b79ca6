using Microsoft.Extensions.Logging;

namespace Nightjar.Recording.Devices.Hikvision;

// EventIds 6500-6549: Hikvision event sources.
internal sealed partial class HikvisionEventSource
{
    [LoggerMessage(EventId = 6500, Level = LogLevel.Information, Message = "Event source {Device} connected ({Cameras} cameras)")]
    private static partial void LogConnected(ILogger logger, string device, int cameras);

    [LoggerMessage(EventId = 6501, Level = LogLevel.Warning, Message = "Event source {Device} disconnected: {Error}; reconnecting in {Delay}")]
    private static partial void LogDisconnected(ILogger logger, string device, string error, TimeSpan delay);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Warning, Message = "Event source {Device}: {Error}; trying again in {Delay}")]
    private static partial void LogUnauthorized(ILogger logger, string device, string error, TimeSpan delay);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Warning, Message = "Event source {Device}: {Error} error, {Detail}; skipped, the stream goes on")]
    private static partial void LogParseError(ILogger logger, string device, string error, string detail);

    [LoggerMessage(EventId = 6504, Level = LogLevel.Debug, Message = "Event source {Device}: {Error} error again, {Detail}")]
    private static partial void LogParseErrorRepeated(ILogger logger, string device, string error, string detail);

    [LoggerMessage(EventId = 6505, Level = LogLevel.Debug, Message = "Event source {Device}: {EventType} on channel {Channel}, which no camera claims; dropped")]
    private static partial void LogUnclaimed(ILogger logger, string device, string eventType, int? channel);

    [LoggerMessage(EventId = 6506, Level = LogLevel.Warning, Message = "Event source {Device}: the signal pipeline failed ({ExceptionType}: {Message}); events are dropped until it recovers")]
    private static partial void LogSinkFailed(ILogger logger, string device, string exceptionType, string message);

    [LoggerMessage(EventId = 6507, Level = LogLevel.Error, Message = "Event source {Device}: unexpected {ExceptionType}; reconnecting")]
    private static partial void LogUnexpected(ILogger logger, string device, string exceptionType);

    [LoggerMessage(EventId = 6508, Level = LogLevel.Information, Message = "Event source {Device} stopped")]
    private static partial void LogStopped(ILogger logger, string device);
}
