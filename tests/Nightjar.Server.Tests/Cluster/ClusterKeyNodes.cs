using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>Two TestServer nodes shared by the cluster key tests: one with <c>Cluster:Key</c>, one without.</summary>
public sealed class ClusterKeyNodes : IAsyncLifetime
{
    public const string Key = "cluster-auth-test-key-0123456789";

    internal TestNode WithKey { get; private set; } = null!;

    internal TestNode WithoutKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WithKey = await TestNode.StartAsync(new Dictionary<string, string?> { ["Cluster:Key"] = Key });
        WithoutKey = await TestNode.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (WithKey is not null)
        {
            await WithKey.DisposeAsync();
        }

        if (WithoutKey is not null)
        {
            await WithoutKey.DisposeAsync();
        }
    }
}
