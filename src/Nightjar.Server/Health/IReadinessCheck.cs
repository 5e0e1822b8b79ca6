namespace Nightjar.Server.Health;

/// <summary>
/// One condition for this node to take traffic (journal reachable, membership joined, not draining...).
/// <c>/health/ready</c> answers 200 only when every registered check passes. Register with
/// <see cref="HealthServiceCollectionExtensions.AddReadinessCheck{T}(IServiceCollection)"/>.
/// </summary>
/// <remarks>
/// Checks run concurrently on every probe, each under a timeout, so keep them cheap: read a state
/// the component maintains rather than doing I/O when possible. Liveness never uses these checks.
/// </remarks>
internal interface IReadinessCheck
{
    /// <summary>Short stable name shown in the readiness report and used as a metric attribute.</summary>
    string Name { get; }

    Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken);
}
