using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Nightjar.Server.Telemetry;
using Nightjar.Server.Tests.Support;
using OpenTelemetry.Logs;

namespace Nightjar.Server.Tests.Telemetry;

public sealed class OtlpExportTests
{
    [Fact]
    public void Resolve_OnlyWhenAnEndpointIsConfigured()
    {
        OtlpExport.Resolve(null, null).Enabled.Should().BeFalse();
        OtlpExport.Resolve(null, "  ").Enabled.Should().BeFalse();
        OtlpExport.Resolve(null, "http://collector:4317").Should().Be(new OtlpExport(true, null), "the SDK reads OTEL_EXPORTER_OTLP_* itself");
        OtlpExport.Resolve("http://ours:4317", "http://theirs:4317").Should().Be(new OtlpExport(true, new Uri("http://ours:4317")));
    }

    [Fact]
    public async Task Node_WithoutEndpoint_NeitherTracesNorShipsLogs()
    {
        await using var node = await TestNode.StartAsync();

        node.Services.GetRequiredService<TelemetryProviders>().TracingEnabled.Should().BeFalse();
        node.Services.GetServices<ILoggerProvider>().Should().NotContain(p => p is OpenTelemetryLoggerProvider);
    }

    [Fact]
    public async Task Node_WithACollectorThatIsDown_StillServesAndStopsWithinTheFlushBound()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var deadPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there any more

        var node = await TestNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{deadPort}",
        });
        (await node.Client.GetAsync(new Uri("/api/v1/node", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await node.Client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        node.Services.GetRequiredService<TelemetryProviders>().TracingEnabled.Should().BeTrue();
        node.Services.GetServices<ILoggerProvider>().Should().Contain(p => p is OpenTelemetryLoggerProvider, "logs go over OTLP too");

        // A deadline, not a speed target: an unbounded flush towards a dead collector would hang here.
        await Wait.ForAsync(
            node.DisposeAsync().AsTask(),
            TimeSpan.FromMilliseconds(3 * TelemetryProviders.FlushTimeoutMilliseconds),
            "the node to stop although its collector is down");
    }
}
