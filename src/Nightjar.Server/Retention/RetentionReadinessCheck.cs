using Nightjar.Server.Health;

namespace Nightjar.Server.Retention;

/// <summary>
/// Shows retention's state in the readiness report but never takes the node out of service: a node whose retention
/// is down still records and serves, which is what matters until an operator looks (the description says degraded).
/// </summary>
internal sealed class RetentionReadinessCheck(RetentionHostedService retention) : IReadinessCheck
{
    public string Name => "retention";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(ReadinessResult.Ready(retention.State switch
        {
            RetentionState.Degraded => "degraded: " + retention.Problem,
            var state => state.ToString().ToLowerInvariant(),
        }));
}
