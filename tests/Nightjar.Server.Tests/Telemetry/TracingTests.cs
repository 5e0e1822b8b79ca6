using System.Collections.Concurrent;
using System.Diagnostics;
using Nightjar.Server.Telemetry;
using Nightjar.Server.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Nightjar.Server.Tests.Telemetry;

public sealed class TracingTests : IAsyncLifetime
{
    private readonly ListExporter _spans = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() =>
        _node = await TestNode.StartAsync(
            configure: b => b.Services.AddTelemetryCustomization(
                new TelemetryCustomization(ConfigureTracing: t => t.AddProcessor(new SimpleActivityExportProcessor(_spans)))),
            configureApp: app =>
            {
                // Routes of this class only: the tracer listens process-wide while other tests run.
                app.MapGet("/tracing-test/{id}", (string id) => TypedResults.Ok(id));
                app.MapGet("/tracing-test/fail/{id}", string (string id) => throw new InvalidOperationException("boom"));
            });

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task ServerSpan_IsNamedByRouteAndCarriesHttpTags()
    {
        (await _node.Client.GetAsync(new Uri("/tracing-test/42", UriKind.Relative))).EnsureSuccessStatusCode();

        var span = await WaitForSpanAsync("GET /tracing-test/{id}");

        span.Kind.Should().Be(ActivityKind.Server);
        span.GetTagItem("http.route").Should().Be("/tracing-test/{id}");
        span.GetTagItem("url.path").Should().Be("/tracing-test/42");
        span.GetTagItem("http.request.method").Should().Be("GET");
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task ServerSpan_OfAFailedRequest_KeepsItsRouteAndIsAnError()
    {
        await _node.Client.GetAsync(new Uri("/tracing-test/fail/7", UriKind.Relative));

        var span = await WaitForSpanAsync("GET /tracing-test/fail/{id}");

        span.GetTagItem("http.response.status_code").Should().Be(500);
        span.Status.Should().Be(ActivityStatusCode.Error);
    }

    private async Task<Activity> WaitForSpanAsync(string displayName)
    {
        Activity? span = null;
        // The server span ends after the response reached the client.
        await Wait.UntilAsync(() => (span = _spans.Items.FirstOrDefault(a => a.DisplayName == displayName)) is not null,
            TimeSpan.FromSeconds(10), $"a span named {displayName}");
        return span!;
    }

    private sealed class ListExporter : BaseExporter<Activity>
    {
        public ConcurrentQueue<Activity> Items { get; } = new();

        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                Items.Enqueue(activity);
            }

            return ExportResult.Success;
        }
    }
}
