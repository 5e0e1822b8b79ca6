using Nightjar.Server.Diagnostics;

namespace Nightjar.Server.Telemetry;

internal sealed partial class TelemetryProviders
{
    [LoggerMessage(EventId = ServerEventIds.TelemetryConfigured, Level = LogLevel.Information,
        Message = "Telemetry: metrics on /metrics, OTLP export {Otlp}, tracing {Tracing}")]
    private partial void LogConfigured(string otlp, string tracing);

    [LoggerMessage(EventId = ServerEventIds.TelemetryFlushFailed, Level = LogLevel.Warning,
        Message = "Telemetry providers failed to flush at shutdown")]
    private partial void LogFlushFailed(Exception exception);
}
