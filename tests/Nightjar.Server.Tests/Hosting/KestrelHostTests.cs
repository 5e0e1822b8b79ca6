using System.Net;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Hosting;

public sealed class KestrelHostTests
{
    [Fact]
    public async Task Start_OnPortZero_ListensOnLoopbackAtTheChosenPort()
    {
        await using var node = await TestNode.StartAsync(useTestServer: false);

        var address = new Uri(node.App.Urls.Should().ContainSingle().Subject);
        address.Host.Should().Be("127.0.0.1");
        address.Port.Should().BeGreaterThan(0);

        var response = await node.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("Server").Should().BeFalse("the server header only helps attackers");
    }

    [Fact]
    public async Task Build_AppliesTheShutdownBudget()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?> { ["Shutdown:TimeoutSeconds"] = "12" });

        node.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ShutdownTimeout
            .Should().Be(TimeSpan.FromSeconds(12));
    }
}
