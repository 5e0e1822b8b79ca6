using Microsoft.Extensions.Logging;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Signals;

internal sealed partial class SignalActor
{
    [LoggerMessage(EventId = 3600, Level = LogLevel.Debug, Message = "Signal {Source}/{Type} {State} of camera {Camera} at {At} journaled")]
    private static partial void LogRecorded(ILogger logger, string source, string type, AlarmState state, string camera, DateTimeOffset at);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Trace, Message = "Signal {Source}/{Type} {State} of camera {Camera} at {At} repeats the current state or is out of order: dropped")]
    private static partial void LogDuplicate(ILogger logger, string source, string type, AlarmState state, string camera, DateTimeOffset at);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Information, Message = "Motion started on camera {Camera} at {At} ({Source}/{Type})")]
    private static partial void LogMotionStarted(ILogger logger, string camera, DateTimeOffset at, string source, string type);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Information, Message = "Motion on camera {Camera} from {Start} stopped at {At} ({Reason})")]
    private static partial void LogMotionStopped(ILogger logger, string camera, DateTimeOffset start, DateTimeOffset at, MotionStopReason reason);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Information, Message = "Camera {Camera} recovered with a motion window open since {Start}")]
    private static partial void LogRecoveredOpen(ILogger logger, string camera, DateTimeOffset start);
}
