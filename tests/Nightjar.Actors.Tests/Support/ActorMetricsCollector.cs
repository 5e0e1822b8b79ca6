using System.Diagnostics.Metrics;

namespace Nightjar.Actors.Tests.Support;

/// <summary>Listens to the <c>Nightjar.Actors</c> meter of one actor system, keyed by instrument and tag value.</summary>
internal sealed class ActorMetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly object _lock = new();
    private readonly Dictionary<(string Instrument, string Tag), long> _counters = [];
    private readonly Dictionary<(string Instrument, string Tag), long> _observed = [];

    public ActorMetricsCollector(ActorSystem system)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Nightjar.Actors"
                && instrument.Meter.Tags?.Any(t => t.Key == "actor.system" && Equals(t.Value, system.Name)) == true)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string tag = "";
            foreach (var t in tags)
            {
                tag = t.Value?.ToString() ?? "";
            }

            lock (_lock)
            {
                if (instrument.IsObservable)
                {
                    _observed[(instrument.Name, tag)] = value;
                }
                else
                {
                    _counters[(instrument.Name, tag)] = _counters.GetValueOrDefault((instrument.Name, tag)) + value;
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Collects the observable instruments now and returns the value of one of them for one tag (0 when absent).</summary>
    public long Observe(string instrument, string tag)
    {
        lock (_lock)
        {
            _observed.Clear();
        }

        _listener.RecordObservableInstruments();
        lock (_lock)
        {
            return _observed.GetValueOrDefault((instrument, tag));
        }
    }

    public long Counter(string instrument, string tag)
    {
        lock (_lock)
        {
            return _counters.GetValueOrDefault((instrument, tag));
        }
    }

    public void Dispose() => _listener.Dispose();
}
