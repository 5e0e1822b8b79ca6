using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>Sums the measurements of one meter instance per instrument and tag set (e.g. <c>reason=slow</c>).</summary>
internal sealed class MetricCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _observed = new(StringComparer.Ordinal);

    public MetricCollector(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = Key(instrument.Name, tags);
            if (instrument.IsObservable)
            {
                _observed[key] = value;
            }
            else
            {
                _totals.AddOrUpdate(key, value, (_, old) => old + value);
            }
        });
        _listener.Start();
    }

    /// <summary>Sum of a counter, or the last observed value of an observable, for an instrument and optional tag (<c>reason=slow</c>).</summary>
    public long Value(string instrument, string? tag = null)
    {
        _listener.RecordObservableInstruments();
        return _totals.Where(kv => Matches(kv.Key, instrument, tag)).Sum(kv => kv.Value)
            + _observed.Where(kv => Matches(kv.Key, instrument, tag)).Sum(kv => kv.Value);
    }

    public void Dispose() => _listener.Dispose();

    private static bool Matches(string key, string instrument, string? tag)
    {
        var parts = key.Split('|');
        return parts[0] == instrument && (tag is null || parts.Skip(1).Contains(tag));
    }

    private static string Key(string name, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string> { name };
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join('|', parts);
    }
}
