using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Nightjar.Server.Telemetry;

/// <summary>
/// Extra configuration of the providers, registered as singletons: views and cardinality limits for
/// a feature's instruments, or an in-memory exporter in tests. A tracing customization also turns the
/// tracer provider on when no OTLP endpoint is configured.
/// </summary>
internal sealed record TelemetryCustomization(
    Action<MeterProviderBuilder>? ConfigureMetrics = null,
    Action<TracerProviderBuilder>? ConfigureTracing = null);
