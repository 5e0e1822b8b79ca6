using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Nightjar.Server.Telemetry;

/// <summary>
/// Pull exporter rendering the Prometheus text format 0.0.4 for <c>/metrics</c>, without the
/// Prometheus exporter package (which does not restore here). Attached to a
/// <see cref="BaseExportingMetricReader"/>, which sets <see cref="Collect"/>: calling it runs
/// <see cref="Export"/> synchronously on the scraping thread (ops-telemetry.md B.3).
/// </summary>
[ExportModes(ExportModes.Pull)]
internal sealed class PrometheusTextExporter : BaseExporter<Metric>, IPullMetricExporter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly Lock _scrapeLock = new();
    private PrometheusTextFormatter? _current;

    public Func<int, bool>? Collect { get; set; }

    /// <summary>Collects every metric and renders it; scrapes are serialized.</summary>
    /// <exception cref="InvalidOperationException">The provider is shut down or the collection timed out.</exception>
    public string Scrape(int timeoutMilliseconds)
    {
        lock (_scrapeLock)
        {
            var collect = Collect ?? throw new InvalidOperationException("The exporter is not attached to a meter provider.");
            _current = new PrometheusTextFormatter();
            try
            {
                if (!collect(timeoutMilliseconds))
                {
                    throw new InvalidOperationException("Metrics collection failed or timed out (is the node shutting down?).");
                }

                var resource = ParentProvider?.GetResource();
                if (resource is not null)
                {
                    _current.AddTargetInfo(resource.Attributes);
                }

                return _current.ToString();
            }
            finally
            {
                _current = null;
            }
        }
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        // Only a scrape sets the formatter; there is no timer-driven export in pull mode.
        var formatter = _current;
        if (formatter is null)
        {
            return ExportResult.Failure;
        }

        foreach (var metric in batch)
        {
            formatter.Add(metric);
        }

        return ExportResult.Success;
    }
}
