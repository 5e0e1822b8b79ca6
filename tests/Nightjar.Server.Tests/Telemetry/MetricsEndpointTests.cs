using System.Net;
using Nightjar.Server.Telemetry;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Telemetry;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_ServesOurMetersAndTheBuiltInOnesInPrometheusText()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?> { ["Node:Id"] = "metrics-node" });
        (await node.Client.GetAsync(new Uri("/api/v1/node", UriKind.Relative))).EnsureSuccessStatusCode();

        var response = await node.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be(PrometheusTextExporter.ContentType);
        text.Should().Contain("# TYPE nightjar_server_info gauge\n");
        text.Should().MatchRegex("""nightjar_server_info\{node_id="metrics-node",service_version="[^"]+"\} 1\n""");
        text.Should().Contain("# TYPE nightjar_server_uptime_seconds gauge\n");
        // ASP.NET Core's own meter, with the route as a label.
        text.Should().Contain("# TYPE http_server_request_duration_seconds histogram\n");
        text.Should().MatchRegex("""http_server_request_duration_seconds_bucket\{[^}]*http_route="/api/v1/node"[^}]*le="\+Inf"\} \d+""");
        text.Should().MatchRegex("""http_server_request_duration_seconds_count\{[^}]*\} \d+""");
        // The runtime's meter (System.Runtime), a counter with _total.
        text.Should().Contain("# TYPE dotnet_gc_heap_total_allocated_bytes_total counter\n");
        text.Should().Contain("target_info{").And.Contain("service_name=\"nightjar\"").And.Contain("service_instance_id=\"metrics-node\"");
    }

    [Fact]
    public async Task Metrics_EveryFamilyIsTypedOnceAndEveryLineIsWellFormed()
    {
        await using var node = await TestNode.StartAsync();
        (await node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative))).EnsureSuccessStatusCode();

        var text = await node.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var typed = lines.Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        typed.Should().OnlyHaveUniqueItems();
        lines.Where(l => !l.StartsWith('#')).Should().AllSatisfy(line =>
            line.Should().MatchRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? (-?[0-9.eE+-]+|\+Inf|-Inf|NaN)$"""));
    }
}
