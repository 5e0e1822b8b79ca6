using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>The cluster key scheme on its own (TestServer): what a forwarded request must carry, and what it gets.</summary>
public sealed class ClusterKeyAuthenticationTests(ClusterKeyNodes nodes) : IClassFixture<ClusterKeyNodes>
{
    private const string Key = ClusterKeyNodes.Key;

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("operator", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task ForwardedRequest_WithTheKey_HasExactlyTheForwardedRole(string role, HttpStatusCode expected)
    {
        var node = nodes.WithKey;

        using var response = await SendAsync(node, "/api/v1/keys", (ClusterKeyHeaders.Key, Key), (ClusterKeyHeaders.ForwardedRole, role), (ClusterKeyHeaders.ForwardedBy, "node-x"));

        response.StatusCode.Should().Be(expected);
    }

    [Theory]
    [InlineData("wrong-key-but-long-enough-0000", "admin", "node-x", "invalid_cluster_key")]
    [InlineData(Key + "x", "admin", "node-x", "invalid_cluster_key")]
    [InlineData(Key, "Admin", "node-x", "malformed_header")]
    [InlineData(Key, "root", "node-x", "malformed_header")]
    [InlineData(Key, null, "node-x", "malformed_header")]
    [InlineData(Key, "admin", null, "malformed_header")]
    [InlineData(Key, "admin", "node x\u0007", "malformed_header")]
    public async Task ForwardedRequest_WithABadKeyOrHeaders_Is401Problem(string key, string? role, string? by, string reason)
    {
        var node = nodes.WithKey;
        var headers = new List<(string, string)> { (ClusterKeyHeaders.Key, key) };
        if (role is not null)
        {
            headers.Add((ClusterKeyHeaders.ForwardedRole, role));
        }

        if (by is not null)
        {
            headers.Add((ClusterKeyHeaders.ForwardedBy, by));
        }

        using var response = await SendAsync(node, "/api/v1/keys", [.. headers]);

        await ShouldBe401Async(response, reason);
    }

    [Fact]
    public async Task ForwardedRequest_ToANodeWithoutClusterKey_IsRefused()
    {
        var node = nodes.WithoutKey;

        using var response = await SendAsync(node, "/api/v1/keys", (ClusterKeyHeaders.Key, Key), (ClusterKeyHeaders.ForwardedRole, "admin"), (ClusterKeyHeaders.ForwardedBy, "node-x"));

        await ShouldBe401Async(response, "invalid_cluster_key");
    }

    [Fact]
    public async Task ForwardedRole_WithoutTheClusterKey_GivesNothing()
    {
        var node = nodes.WithKey;

        using var response = await SendAsync(node, "/api/v1/keys", (ClusterKeyHeaders.ForwardedRole, "admin"), (ClusterKeyHeaders.ForwardedBy, "node-x"));

        await ShouldBe401Async(response, "missing");
    }

    [Fact]
    public async Task ClusterKeyHeader_WinsOverABearerKeyAndAPlaybackToken()
    {
        var node = nodes.WithKey;
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/keys");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestNode.AdminKey);
        request.Headers.Add(ClusterKeyHeaders.Key, "wrong-key-but-long-enough-0000");
        request.Headers.Add(ClusterKeyHeaders.ForwardedRole, "admin");
        request.Headers.Add(ClusterKeyHeaders.ForwardedBy, "node-x");

        using var response = await node.App.GetTestClient().SendAsync(request);

        await ShouldBe401Async(response, "invalid_cluster_key");
    }

    [Fact]
    public void ClusterKey_MatchesOnlyTheConfiguredKey_AndNeverShowsIt()
    {
        var key = new ClusterKey(Key);

        key.Matches(Key).Should().BeTrue();
        key.Matches(Key[..^1]).Should().BeFalse();
        key.Matches(Key.ToUpperInvariant()).Should().BeFalse();
        key.Matches(string.Empty).Should().BeFalse();
        key.Matches(null).Should().BeFalse();
        key.ToString().Should().NotContain(Key);
        new ClusterKey(null).Matches(string.Empty).Should().BeFalse();
        new ClusterKey(string.Empty).IsConfigured.Should().BeFalse();
    }

    private static async Task<HttpResponseMessage> SendAsync(TestNode node, string path, params (string Name, string Value)[] headers)
    {
        var client = node.App.GetTestClient();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    private static async Task ShouldBe401Async(HttpResponseMessage response, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("reason").GetString().Should().Be(reason);
    }
}
