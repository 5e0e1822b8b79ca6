using Microsoft.Extensions.Logging;

namespace Nightjar.Actors;

public sealed partial class ActorSystem
{
    [LoggerMessage(EventId = 1020, Level = LogLevel.Debug, Message = "Dead letter for {ActorPath}: {MessageType} ({Reason})")]
    private static partial void LogDeadLetter(ILogger logger, string actorPath, string messageType, DeadLetterReason reason);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Error, Message = "A dead-letter handler threw")]
    private static partial void LogDeadLetterHandlerFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Error, Message = "Mapping a piped result for actor {ActorPath} threw; the result is lost")]
    private static partial void LogPipeMappingFailed(ILogger logger, string actorPath, Exception error);
}
