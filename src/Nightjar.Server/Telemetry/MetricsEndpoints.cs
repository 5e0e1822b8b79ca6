namespace Nightjar.Server.Telemetry;

internal static partial class MetricsEndpoints
{
    private const int ScrapeTimeoutMilliseconds = 5_000;

    /// <summary>Maps <c>GET /metrics</c> (Prometheus text format 0.0.4, the exact content type Prometheus 3 accepts).</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (TelemetryProviders telemetry, ILoggerFactory loggers) =>
            {
                try
                {
                    return Results.Text(telemetry.Prometheus.Scrape(ScrapeTimeoutMilliseconds), PrometheusTextExporter.ContentType);
                }
                catch (InvalidOperationException ex)
                {
                    LogScrapeFailed(loggers.CreateLogger(typeof(MetricsEndpoints).FullName!), ex);
                    return Results.Problem(
                        detail: "Metrics are not available right now; the node may be shutting down.",
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .ExcludeFromDescription()
            .AllowAnonymous(); // Prometheus scrapes without credentials by default; see Security/NightjarPolicies
        return endpoints;
    }
}
