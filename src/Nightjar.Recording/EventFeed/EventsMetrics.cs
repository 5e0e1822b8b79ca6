using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nightjar.Recording.EventFeed;

/// <summary>Instruments of the outgoing events (API, server-sent events, sinks), on the <c>Nightjar.Events</c> meter.</summary>
public sealed class EventsMetrics : IDisposable
{
    public const string MeterName = "Nightjar.Events";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _published;
    private readonly UpDownCounter<long> _sseClients;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _batchDuration;
    private volatile Func<IReadOnlyList<SinkLag>> _lagSource = static () => [];

    public EventsMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _published = _meter.CreateCounter<long>("nightjar.events.published", "{event}", "Events sent out, once per receiver, by type and channel (history, sse, sink).");
        _sseClients = _meter.CreateUpDownCounter<long>("nightjar.events.sse.clients", "{client}", "Open server-sent event streams.");
        _delivered = _meter.CreateCounter<long>("nightjar.events.sink.delivered", "{event}", "Events a sink acknowledged (2xx), by sink.");
        _failures = _meter.CreateCounter<long>("nightjar.events.sink.failures", "{attempt}", "Failed batch deliveries (non-2xx, timeout, connection), by sink and reason.");
        _batchDuration = _meter.CreateHistogram<double>("nightjar.events.sink.batch.duration", "s", "Time of one batch POST, by sink and outcome.");
        _meter.CreateObservableGauge("nightjar.events.sink.lag", () => ObserveLag(l => l.Events), "{event}", "Journal events a sink is behind the head of the journal.");
        _meter.CreateObservableGauge("nightjar.events.sink.lag.seconds", () => ObserveLag(l => l.Seconds), "s", "Age of the oldest event a sink has not acknowledged yet.");
    }

    /// <summary>Where the lag gauges read from (the sink supervisor sets it).</summary>
    public void SetLagSource(Func<IReadOnlyList<SinkLag>> source) => _lagSource = source ?? throw new ArgumentNullException(nameof(source));

    public void Published(string type, string channel, long count = 1) =>
        _published.Add(count, new TagList { { "type", type }, { "channel", channel } });

    public void SseClientOpened() => _sseClients.Add(1);

    public void SseClientClosed() => _sseClients.Add(-1);

    public void Delivered(string sink, int events, TimeSpan duration)
    {
        _delivered.Add(events, new TagList { { "sink", sink } });
        _batchDuration.Record(duration.TotalSeconds, new TagList { { "sink", sink }, { "outcome", "ok" } });
    }

    public void Failed(string sink, string reason, TimeSpan duration)
    {
        _failures.Add(1, new TagList { { "sink", sink }, { "reason", reason } });
        _batchDuration.Record(duration.TotalSeconds, new TagList { { "sink", sink }, { "outcome", "failed" } });
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<T>> ObserveLag<T>(Func<SinkLag, T> value)
        where T : struct
    {
        foreach (var lag in _lagSource())
        {
            yield return new Measurement<T>(value(lag), new KeyValuePair<string, object?>("sink", lag.Sink));
        }
    }
}
