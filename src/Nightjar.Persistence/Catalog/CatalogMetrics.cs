using System.Diagnostics.Metrics;

namespace Nightjar.Persistence.Catalog;

/// <summary>The catalog's instruments on the <c>Nightjar.Persistence</c> meter, tagged with the backend name.</summary>
internal sealed class CatalogMetrics : IDisposable
{
    private readonly bool _ownsMeter;
    private readonly KeyValuePair<string, object?> _backend;
    private readonly Counter<long> _applies;
    private readonly Counter<long> _changes;
    private readonly Histogram<double> _applyDuration;
    private readonly Histogram<double> _queryDuration;

    public CatalogMetrics(string backend, IMeterFactory? meterFactory)
    {
        // Without a factory (tests, tools) each catalog owns its meter, so listeners can tell two catalogs apart.
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(new MeterOptions(JournalMetrics.MeterName)) ?? new Meter(JournalMetrics.MeterName);
        _backend = new("backend", backend);
        _applies = Meter.CreateCounter<long>("nightjar.catalog.applies", "{apply}", "ApplyAsync calls by outcome: applied, stale (checkpoint behind the stored offset, nothing written) or error.");
        _changes = Meter.CreateCounter<long>("nightjar.catalog.changes", "{change}", "Catalog changes committed, by kind (upsert, set_state, remove).");
        _applyDuration = Meter.CreateHistogram<double>("nightjar.catalog.apply.duration", "s", "Time of one ApplyAsync, including the wait for the SQLite write gate.");
        _queryDuration = Meter.CreateHistogram<double>("nightjar.catalog.query.duration", "s", "Time of one catalog read, by query (find, get, get_by_path, latest, summarize, oldest, offset).");
    }

    public Meter Meter { get; }

    public void ApplyCompleted(TimeSpan elapsed, string outcome)
    {
        _applies.Add(1, _backend, new("outcome", outcome));
        _applyDuration.Record(elapsed.TotalSeconds, _backend, new("outcome", outcome));
    }

    public void ChangesCommitted(IReadOnlyList<CatalogChange> changes)
    {
        int upserts = 0, states = 0, removals = 0;
        foreach (var change in changes)
        {
            switch (change)
            {
                case CatalogChange.Upsert:
                    upserts++;
                    break;
                case CatalogChange.SetState:
                    states++;
                    break;
                default:
                    removals++;
                    break;
            }
        }

        Add(upserts, "upsert");
        Add(states, "set_state");
        Add(removals, "remove");
    }

    public void QueryCompleted(string query, TimeSpan elapsed) =>
        _queryDuration.Record(elapsed.TotalSeconds, _backend, new("query", query));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }

    private void Add(int count, string kind)
    {
        if (count > 0)
        {
            _changes.Add(count, _backend, new("kind", kind));
        }
    }
}
