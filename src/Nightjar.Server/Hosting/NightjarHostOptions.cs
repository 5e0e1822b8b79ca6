using System.Collections;

namespace Nightjar.Server.Hosting;

/// <summary>How to build a node's host: what <c>nightjar node run</c> passes, and what tests vary.</summary>
internal sealed class NightjarHostOptions
{
    /// <summary>JSON configuration file (<c>--config</c>); null for environment and defaults only.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Where <c>NIGHTJAR__*</c> and <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> are read; null is the process environment.</summary>
    public IDictionary? EnvironmentVariables { get; init; }

    /// <summary>Configuration keys applied last (tests: <c>Http:Port=0</c>, <c>Data:Path=...</c>).</summary>
    public IReadOnlyDictionary<string, string?>? Overrides { get; init; }

    /// <summary>Runs after Nightjar's own registrations: add readiness checks, hosted services, or UseTestServer.</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; init; }

    /// <summary>Runs after the pipeline is built, before Nightjar's endpoints are mapped.</summary>
    public Action<WebApplication>? ConfigureApp { get; init; }
}
