using System.Diagnostics.Metrics;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Telemetry;

/// <summary>The <c>Nightjar.Server</c> meter. Created through <see cref="IMeterFactory"/> so each host has its own.</summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "Nightjar.Server";

    private readonly Counter<long> _readinessFailures;

    public ServerMetrics(IMeterFactory meterFactory, NodeInfo node)
    {
        Meter = meterFactory.Create(new MeterOptions(MeterName) { Version = NightjarVersion.Short });

        // An "info" gauge (always 1) carries the version and node id as attributes, for dashboards and joins.
        Meter.CreateObservableGauge(
            "nightjar.server.info",
            () => new Measurement<int>(1, new("service.version", node.Version), new("node.id", node.Id)),
            unit: "{info}",
            description: "Always 1; attributes describe the running node.");
        Meter.CreateObservableGauge(
            "nightjar.server.uptime",
            () => node.Uptime.TotalSeconds,
            unit: "s",
            description: "Time since the node started.");
        _readinessFailures = Meter.CreateCounter<long>(
            "nightjar.server.readiness.check.failures",
            unit: "{failure}",
            description: "Readiness checks that did not pass, by check name.");
    }

    public Meter Meter { get; }

    public void ReadinessCheckFailed(string checkName) =>
        _readinessFailures.Add(1, new KeyValuePair<string, object?>("check", checkName));
}
