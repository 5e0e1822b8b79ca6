namespace Nightjar.Server.Health;

/// <summary>The answer of one readiness check. <see cref="Description"/> is shown to anyone who can reach the probe: no secrets.</summary>
internal readonly record struct ReadinessResult(bool IsReady, string? Description)
{
    public static ReadinessResult Ready(string? description = null) => new(true, description);

    public static ReadinessResult NotReady(string description) => new(false, description);
}
