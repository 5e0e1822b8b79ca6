using System.Diagnostics;
using Nightjar.Server.Hosting;
using OpenTelemetry.Resources;

namespace Nightjar.Server.Telemetry;

/// <summary>Names shared by the telemetry wiring (ops-telemetry.md B.1–B.4).</summary>
internal static class NightjarTelemetry
{
    public const string ServiceName = "nightjar";

    /// <summary>Our own meters by wildcard, plus the built-in .NET ones added by name (no instrumentation packages).</summary>
    public static readonly string[] Meters =
        ["Nightjar.*", "System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql"];

    /// <summary>"Microsoft.AspNetCore" yields the server span; without it the ParentBased sampler drops our child spans.</summary>
    public static readonly string[] ActivitySources = ["Nightjar.*", "Npgsql", "Microsoft.AspNetCore"];

    public static readonly ActivitySource ServerActivitySource = new("Nightjar.Server", NightjarVersion.Short);

    /// <summary>
    /// service.* from the node, then the SDK's and the environment's attributes: OTEL_SERVICE_NAME and
    /// OTEL_RESOURCE_ATTRIBUTES come last so an operator can override what the code chose.
    /// </summary>
    public static ResourceBuilder CreateResource(string nodeId) =>
        ResourceBuilder.CreateEmpty()
            .AddService(ServiceName, serviceVersion: NightjarVersion.Informational, serviceInstanceId: nodeId)
            .AddTelemetrySdk()
            .AddEnvironmentVariableDetector();
}
