using Nightjar.Server.Hosting;
using Nightjar.Server.Security;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Nightjar.Server.Telemetry;

/// <summary>
/// Owns the OpenTelemetry meter and tracer providers (built without OpenTelemetry.Extensions.Hosting).
/// Created by the container, so the container disposes it when the host is disposed; disposal shuts the
/// providers down, which flushes the last OTLP batches.
/// </summary>
internal sealed partial class TelemetryProviders : IDisposable
{
    /// <summary>Bound on the final flush so a dead collector cannot eat the shutdown budget.</summary>
    public const int FlushTimeoutMilliseconds = 5_000;

    /// <summary>OTel's documented default; Prometheus scrapes /metrics on its own schedule anyway.</summary>
    private const int OtlpMetricIntervalMilliseconds = 15_000;

    private readonly MeterProvider _meterProvider;
    private readonly TracerProvider? _tracerProvider;
    private readonly ILogger<TelemetryProviders> _logger;

    public TelemetryProviders(
        NodeInfo node,
        OtlpExport otlp,
        IEnumerable<TelemetryCustomization> customizations,
        ILogger<TelemetryProviders> logger)
    {
        _logger = logger;
        var customizationList = customizations.ToList();
        Prometheus = new PrometheusTextExporter();

        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(NightjarTelemetry.CreateResource(node.Id))
            .AddMeter(NightjarTelemetry.Meters)
            .AddReader(new BaseExportingMetricReader(Prometheus));
        if (otlp.Enabled)
        {
            metrics.AddOtlpExporter((exporter, reader) =>
            {
                otlp.Apply(exporter);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = OtlpMetricIntervalMilliseconds;
            });
        }

        foreach (var customization in customizationList)
        {
            customization.ConfigureMetrics?.Invoke(metrics);
        }

        _meterProvider = metrics.Build();

        // Without an exporter a tracer provider would only make every request build spans for nothing.
        var tracingCustomizations = customizationList.Where(c => c.ConfigureTracing is not null).ToList();
        if (otlp.Enabled || tracingCustomizations.Count > 0)
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(NightjarTelemetry.CreateResource(node.Id))
                .AddSource(NightjarTelemetry.ActivitySources);
            if (otlp.Enabled)
            {
                tracing.AddOtlpExporter(otlp.Apply);
            }

            foreach (var customization in tracingCustomizations)
            {
                customization.ConfigureTracing!(tracing);
            }

            _tracerProvider = tracing.Build();
        }

        LogConfigured(
            otlp.Enabled ? (otlp.Endpoint is null ? "from OTEL_EXPORTER_OTLP_ENDPOINT" : SecretRedactor.RedactUrl(otlp.Endpoint.ToString())) : "off",
            _tracerProvider is not null ? "on" : "off");
    }

    /// <summary>Backs the <c>/metrics</c> endpoint.</summary>
    public PrometheusTextExporter Prometheus { get; }

    public bool TracingEnabled => _tracerProvider is not null;

    public void Dispose()
    {
        try
        {
            _tracerProvider?.Shutdown(FlushTimeoutMilliseconds);
            _meterProvider.Shutdown(FlushTimeoutMilliseconds);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            LogFlushFailed(ex);
        }

        _tracerProvider?.Dispose();
        _meterProvider.Dispose();
    }
}
