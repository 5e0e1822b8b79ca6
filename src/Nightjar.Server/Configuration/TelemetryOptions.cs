namespace Nightjar.Server.Configuration;

/// <summary>OpenTelemetry export. Metrics are always served on <c>/metrics</c>; OTLP push only when an endpoint is set.</summary>
internal sealed class TelemetryOptions : INightjarOptions
{
    /// <summary>The standard variable the OpenTelemetry SDK reads by itself.</summary>
    public const string OtlpEndpointEnvironmentVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static string SectionName => "Telemetry";

    /// <summary>OTLP collector address, e.g. <c>http://otel-collector:4317</c> (gRPC).</summary>
    public string? OtlpEndpoint { get; set; }

    public void Validate(ConfigurationErrorCollector errors) => errors.AbsoluteHttpUrl(nameof(OtlpEndpoint), OtlpEndpoint);
}
