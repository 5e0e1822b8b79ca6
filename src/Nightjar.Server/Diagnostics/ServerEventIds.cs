namespace Nightjar.Server.Diagnostics;

/// <summary>
/// EventIds of the server area (1000-1999), one block per concern, so a log line can be found,
/// filtered and alerted on by number. Other areas own other ranges.
/// </summary>
internal static class ServerEventIds
{
    // 1000-1099: node lifecycle (start, listen, shutdown).
    public const int NodeStarting = 1000;
    public const int NodeListening = 1001;
    public const int ShutdownStarted = 1002;
    public const int ShutdownCompleted = 1003;
    public const int ShutdownTimedOut = 1004;
    public const int StartFailed = 1005;

    // 1100-1199: health and readiness.
    public const int ReadinessCheckTimedOut = 1100;
    public const int ReadinessCheckThrew = 1101;

    // 1200-1299: HTTP pipeline and errors.
    public const int UnhandledException = 1200;
    public const int BadRequest = 1201;
    public const int RequestAborted = 1202;

    // 1300-1399: telemetry.
    public const int TelemetryConfigured = 1300;
    public const int MetricsScrapeFailed = 1301;
    public const int TelemetryFlushFailed = 1302;
}
