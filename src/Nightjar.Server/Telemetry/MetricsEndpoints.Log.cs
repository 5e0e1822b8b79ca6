using Nightjar.Server.Diagnostics;

namespace Nightjar.Server.Telemetry;

internal static partial class MetricsEndpoints
{
    [LoggerMessage(EventId = ServerEventIds.MetricsScrapeFailed, Level = LogLevel.Warning, Message = "Metrics scrape failed")]
    private static partial void LogScrapeFailed(ILogger logger, Exception exception);
}
