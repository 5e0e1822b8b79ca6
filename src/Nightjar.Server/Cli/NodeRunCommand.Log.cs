using Nightjar.Server.Diagnostics;

namespace Nightjar.Server.Cli;

internal static partial class NodeRunCommand
{
    [LoggerMessage(EventId = ServerEventIds.StartFailed, Level = LogLevel.Critical, Message = "The node could not start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = ServerEventIds.ShutdownTimedOut, Level = LogLevel.Critical,
        Message = "Shutdown did not finish within {BudgetSeconds} s; exiting without waiting for the rest")]
    private static partial void LogShutdownTimedOut(ILogger logger, double budgetSeconds);
}
