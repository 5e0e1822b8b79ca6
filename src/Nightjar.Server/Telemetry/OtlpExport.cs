namespace Nightjar.Server.Telemetry;

/// <summary>
/// Whether telemetry is pushed over OTLP: only when Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT
/// is set (as eShop does): an exporter aimed at nothing wastes work on every export interval.
/// </summary>
/// <param name="Enabled">True when an endpoint is configured by either setting.</param>
/// <param name="Endpoint">Our own setting; null lets the SDK read OTEL_EXPORTER_OTLP_* itself.</param>
internal sealed record OtlpExport(bool Enabled, Uri? Endpoint)
{
    public static readonly OtlpExport Disabled = new(false, null);

    public static OtlpExport Resolve(string? configuredEndpoint, string? environmentEndpoint) =>
        configuredEndpoint is not null ? new OtlpExport(true, new Uri(configuredEndpoint))
        : !string.IsNullOrWhiteSpace(environmentEndpoint) ? new OtlpExport(true, null)
        : Disabled;

    public void Apply(OpenTelemetry.Exporter.OtlpExporterOptions exporter)
    {
        if (Endpoint is not null)
        {
            exporter.Endpoint = Endpoint;
        }
    }
}
