using Nightjar.Server.Health;

namespace Nightjar.Server.Tests.Health;

public sealed class HostLifetimeReadinessCheckTests
{
    [Fact]
    public async Task CheckAsync_FollowsTheHostLifetime()
    {
        var lifetime = new FakeLifetime();
        var check = new HostLifetimeReadinessCheck(lifetime);

        (await check.CheckAsync(CancellationToken.None)).Should().Be(ReadinessResult.NotReady("the node is starting"));

        lifetime.Started.Cancel();
        (await check.CheckAsync(CancellationToken.None)).IsReady.Should().BeTrue();

        lifetime.Stopping.Cancel();
        (await check.CheckAsync(CancellationToken.None)).Should().Be(ReadinessResult.NotReady("the node is shutting down"));
    }

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();
    }
}
