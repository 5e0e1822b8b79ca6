namespace Nightjar.Server.Health;

/// <summary>Tuning of the readiness probe (code-level, not an operator setting).</summary>
internal sealed class ReadinessOptions
{
    /// <summary>A check slower than this counts as failed: a probe must answer before the orchestrator's own timeout.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
