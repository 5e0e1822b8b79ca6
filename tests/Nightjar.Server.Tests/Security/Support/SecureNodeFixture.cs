namespace Nightjar.Server.Tests.Security.Support;

/// <summary>One <see cref="SecureNode"/> shared by the tests of a class (they run one at a time), started once.</summary>
public sealed class SecureNodeFixture : IAsyncLifetime
{
    internal SecureNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await SecureNode.StartAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
