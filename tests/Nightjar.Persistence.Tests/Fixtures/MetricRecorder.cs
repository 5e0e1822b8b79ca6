using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Nightjar.Persistence.Tests.Fixtures;

/// <summary>Records the measurements of one journal's meter (each journal owns its meter in tests, so parallel tests do not mix).</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MetricRecorder(IEventJournal journal)
    {
        var meter = ((EventJournal)journal).Metrics.Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => _measurements.Enqueue((i.Name, v, t.ToArray())));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => _measurements.Enqueue((i.Name, v, t.ToArray())));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => _measurements.Enqueue((i.Name, v, t.ToArray())));
        _listener.Start();
    }

    public IReadOnlyList<double> Values(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value).ToList();

    public IReadOnlyList<KeyValuePair<string, object?>[]> Tags(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags).ToList();

    public int Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);

    public double Sum(string instrument) => Values(instrument).Sum();

    public void Dispose() => _listener.Dispose();
}
