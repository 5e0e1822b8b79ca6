namespace Nightjar.Server.Configuration;

/// <summary>Graceful shutdown budget on SIGTERM or Ctrl-C.</summary>
internal sealed class ShutdownOptions : INightjarOptions
{
    public const int MaxTimeoutSeconds = 3600;

    public static string SectionName => "Shutdown";

    /// <summary>
    /// Time for every component to stop (finish segments, flush telemetry). Keep it below the
    /// orchestrator's kill deadline (Kubernetes terminationGracePeriodSeconds) with a margin.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 30;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public void Validate(ConfigurationErrorCollector errors) => errors.Range(nameof(TimeoutSeconds), TimeoutSeconds, 1, MaxTimeoutSeconds);
}
