namespace Nightjar.Server.Health;

/// <summary>
/// Not ready until the host has started, and no longer ready as soon as shutdown begins, so the
/// orchestrator stops sending traffic before Kestrel stops accepting it.
/// </summary>
internal sealed class HostLifetimeReadinessCheck(IHostApplicationLifetime lifetime) : IReadinessCheck
{
    public string Name => "host";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? ReadinessResult.NotReady("the node is shutting down")
            : !lifetime.ApplicationStarted.IsCancellationRequested ? ReadinessResult.NotReady("the node is starting")
            : ReadinessResult.Ready());
}
