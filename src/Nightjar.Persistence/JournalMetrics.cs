using System.Diagnostics.Metrics;

namespace Nightjar.Persistence;

/// <summary>The journal's instruments on the <c>Nightjar.Persistence</c> meter, tagged with the backend name.</summary>
internal sealed class JournalMetrics : IDisposable
{
    public const string MeterName = "Nightjar.Persistence";

    private readonly bool _ownsMeter;
    private readonly KeyValuePair<string, object?> _backend;
    private readonly Counter<long> _appends;
    private readonly Histogram<double> _appendDuration;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _tagReads;

    public JournalMetrics(string backend, IMeterFactory? meterFactory)
    {
        // Without a factory (tests, tools) each journal owns its meter, so listeners can tell two journals apart.
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(new MeterOptions(MeterName)) ?? new Meter(MeterName);
        _backend = new("backend", backend);
        _appends = Meter.CreateCounter<long>("nightjar.journal.appends", "{event}", "Events appended to the journal.");
        _appendDuration = Meter.CreateHistogram<double>("nightjar.journal.append.duration", "s", "Time from an append call to its commit, including the wait for a group-commit batch.");
        _batchSize = Meter.CreateHistogram<int>("nightjar.journal.batch.size", "{append}", "Appends committed together in one group-commit transaction.");
        _conflicts = Meter.CreateCounter<long>("nightjar.journal.conflicts", "{append}", "Appends rejected because another writer appended to the persistence id first.");
        _tagReads = Meter.CreateCounter<long>("nightjar.journal.tag_reads", "{event}", "Events returned by tag and all-events feed queries (each query records, even when empty).");
    }

    public Meter Meter { get; }

    public void EventsAppended(int count) => _appends.Add(count, _backend);

    public void AppendCompleted(TimeSpan elapsed, string outcome) =>
        _appendDuration.Record(elapsed.TotalSeconds, _backend, new("outcome", outcome));

    public void BatchCommitted(int appends) => _batchSize.Record(appends, _backend);

    public void Conflict() => _conflicts.Add(1, _backend);

    public void FeedRead(int events, bool allEvents) => _tagReads.Add(events, _backend, new("feed", allEvents ? "all" : "tag"));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
