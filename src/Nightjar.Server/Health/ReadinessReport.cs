namespace Nightjar.Server.Health;

/// <summary>The outcome of all readiness checks at one moment.</summary>
internal sealed record ReadinessReport(IReadOnlyList<ReadinessCheckReport> Checks)
{
    public bool IsReady => Checks.All(c => c.Ready);

    public IEnumerable<ReadinessCheckReport> Failed => Checks.Where(c => !c.Ready);
}
