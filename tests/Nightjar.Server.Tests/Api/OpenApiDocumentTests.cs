using System.Net;
using System.Text.Json;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Api;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Document_IsServedAndDescribesTheApiOnly()
    {
        await using var node = await TestNode.StartAsync();

        var response = await node.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        root.GetProperty("openapi").GetString().Should().StartWith("3.");
        root.GetProperty("info").GetProperty("title").GetString().Should().Be("Nightjar API");
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain("/api/v1/node");
        paths.Should().NotContain(p => p.StartsWith("/health", StringComparison.Ordinal) || p == "/metrics");
        var get = root.GetProperty("paths").GetProperty("/api/v1/node").GetProperty("get");
        get.GetProperty("operationId").GetString().Should().Be("GetNode");
        get.GetProperty("responses").TryGetProperty("500", out _).Should().BeTrue("every API route documents its problem response");
    }
}
