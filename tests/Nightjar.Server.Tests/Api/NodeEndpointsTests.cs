using System.Net;
using System.Text.Json;
using Nightjar.Server.Hosting;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Api;

public sealed class NodeEndpointsTests
{
    [Fact]
    public async Task GetNode_AnswersIdVersionUptimeAndRoles()
    {
        var time = new ManualTimeProvider();
        await using var node = await TestNode.StartAsync(
            settings: new Dictionary<string, string?> { ["Node:Id"] = "streamer-7", ["Node:Roles"] = "supervisor,streamer" },
            configure: b => b.Services.AddSingleton<TimeProvider>(time));
        time.Advance(TimeSpan.FromSeconds(90));

        var response = await node.Client.GetAsync(new Uri("/api/v1/node", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        root.GetProperty("id").GetString().Should().Be("streamer-7");
        root.GetProperty("version").GetString().Should().Be(NightjarVersion.Informational);
        root.GetProperty("uptimeSeconds").GetDouble().Should().Be(90);
        root.GetProperty("startedAt").GetDateTimeOffset().Should().Be(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        root.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("supervisor", "streamer");
    }

    [Fact]
    public void Version_ComesFromTheAssembly()
    {
        NightjarVersion.Short.Should().MatchRegex(@"^\d+\.\d+\.\d+");
        NightjarVersion.Informational.Should().StartWith(NightjarVersion.Short);
    }
}
