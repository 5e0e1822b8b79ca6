using System.Diagnostics.Metrics;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Cluster.Routing;

/// <summary>The request routing instruments of the <c>Nightjar.Cluster</c> meter.</summary>
internal sealed class ClusterRoutingMetrics
{
    public const string MeterName = "Nightjar.Cluster";

    private readonly Counter<long> _forwarded;
    private readonly Histogram<double> _duration;

    public ClusterRoutingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(new MeterOptions(MeterName) { Version = NightjarVersion.Short });
        _forwarded = meter.CreateCounter<long>(
            "nightjar.cluster.forwarded",
            unit: "{request}",
            description: "Requests this node passed to (or redirected towards) the node holding what they ask for, by kind and outcome.");
        _duration = meter.CreateHistogram<double>(
            "nightjar.cluster.forward.duration",
            unit: "s",
            description: "Time from the start of a forwarded request to the end of its streamed answer.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
    }

    public void Forwarded(string kind, string outcome, TimeSpan? duration = null)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        _forwarded.Add(1, kindTag, outcomeTag);
        if (duration is { } elapsed)
        {
            _duration.Record(elapsed.TotalSeconds, kindTag, outcomeTag);
        }
    }
}
