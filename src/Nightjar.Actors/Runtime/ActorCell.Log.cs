using Microsoft.Extensions.Logging;

namespace Nightjar.Actors.Runtime;

// EventIds 1000-1099: actor runtime.
internal abstract partial class ActorCell
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Actor {ActorPath} failed; supervisor directive {Directive}")]
    private protected static partial void LogFailed(ILogger logger, string actorPath, SupervisorDirective directive, Exception error);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Actor {ActorPath} restarts in {Delay} (restart {RestartNumber} in the window)")]
    private protected static partial void LogRestartScheduled(ILogger logger, string actorPath, TimeSpan delay, int restartNumber);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Actor {ActorPath} restarted")]
    private protected static partial void LogRestarted(ILogger logger, string actorPath);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Actor {ActorPath} gave up after {MaxRestarts} restarts within {Window}; stopping it")]
    private protected static partial void LogGaveUp(ILogger logger, string actorPath, int maxRestarts, TimeSpan window, Exception error);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Top-level actor {ActorPath} escalated a failure; the guardian stops it")]
    private protected static partial void LogEscalatedToGuardian(ILogger logger, string actorPath);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "The supervisor decider of actor {ActorPath} threw; stopping the actor")]
    private protected static partial void LogDeciderFailed(ILogger logger, string actorPath, Exception error);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Lifecycle hook {Hook} of actor {ActorPath} threw")]
    private protected static partial void LogHookFailed(ILogger logger, string actorPath, string hook, Exception error);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Critical, Message = "Actor runtime fault in {ActorPath}; terminating the actor")]
    private protected static partial void LogRuntimeFault(ILogger logger, string actorPath, Exception error);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Actor {ActorPath} stopped")]
    private protected static partial void LogStopped(ILogger logger, string actorPath);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Actor {ActorPath} stopped after a failure ({ErrorType})")]
    private protected static partial void LogStoppedAfterFailure(ILogger logger, string actorPath, string errorType);
}
