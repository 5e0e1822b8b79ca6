using Nightjar.Server.Health;

namespace Nightjar.Server.Tests.Support;

/// <summary>A readiness check the test flips by hand.</summary>
internal sealed class FakeReadinessCheck(string name) : IReadinessCheck
{
    private volatile bool _ready = true;

    public string Name { get; } = name;

    public bool Ready
    {
        get => _ready;
        set => _ready = value;
    }

    public string Reason { get; set; } = "fake dependency is down";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_ready ? ReadinessResult.Ready() : ReadinessResult.NotReady(Reason));
}
