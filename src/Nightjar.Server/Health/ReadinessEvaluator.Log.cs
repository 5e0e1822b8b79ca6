using Nightjar.Server.Diagnostics;

namespace Nightjar.Server.Health;

internal sealed partial class ReadinessEvaluator
{
    [LoggerMessage(EventId = ServerEventIds.ReadinessCheckTimedOut, Level = LogLevel.Warning,
        Message = "Readiness check {CheckName} timed out after {TimeoutMs} ms")]
    private partial void LogCheckTimedOut(string checkName, double timeoutMs);

    [LoggerMessage(EventId = ServerEventIds.ReadinessCheckThrew, Level = LogLevel.Warning,
        Message = "Readiness check {CheckName} threw")]
    private partial void LogCheckThrew(string checkName, Exception exception);
}
