using System.Diagnostics.Metrics;

namespace Nightjar.Actors.Runtime;

/// <summary>
/// The <c>Nightjar.Actors</c> instruments of one actor system. Per-message counting stays off the hot path: each cell
/// counts in a plain field and the observable instruments sum live cells (plus what stopped cells left behind) when a
/// listener collects. Tags name the actor type, never the instance, to keep cardinality bounded.
/// </summary>
internal sealed class ActorMetrics : IDisposable
{
    public const string MeterName = "Nightjar.Actors";
    public const string ActorTypeTag = "actor.type";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _restarts;
    private readonly Counter<long> _deadLetters;
    private readonly object _lock = new();
    private readonly HashSet<ActorCell> _live = [];
    private readonly Dictionary<string, long> _processedByStopped = new(StringComparer.Ordinal);

    public ActorMetrics(string systemName, IMeterFactory? meterFactory)
    {
        var options = new MeterOptions(MeterName) { Tags = [new("actor.system", systemName)] };
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(options) ?? new Meter(options);
        _meter.CreateObservableUpDownCounter("nightjar.actors.alive", ObserveAlive, "{actor}", "Actors alive, by actor type.");
        _meter.CreateObservableCounter("nightjar.actors.messages", ObserveProcessed, "{message}", "Messages processed, by actor type.");
        _meter.CreateObservableGauge("nightjar.actors.mailbox.depth", ObserveDepth, "{message}", "Messages waiting in mailboxes, by actor type.");
        _restarts = _meter.CreateCounter<long>("nightjar.actors.restarts", "{restart}", "Actor restarts by supervision, by actor type.");
        _deadLetters = _meter.CreateCounter<long>("nightjar.actors.dead_letters", "{message}", "Messages never processed, by reason.");
    }

    public void Register(ActorCell cell)
    {
        lock (_lock)
        {
            _live.Add(cell);
        }
    }

    public void Unregister(ActorCell cell)
    {
        lock (_lock)
        {
            if (_live.Remove(cell))
            {
                _processedByStopped[cell.TypeName] = _processedByStopped.GetValueOrDefault(cell.TypeName) + cell.ProcessedCount;
            }
        }
    }

    public void RecordRestart(string actorType) =>
        _restarts.Add(1, new KeyValuePair<string, object?>(ActorTypeTag, actorType));

    public void RecordDeadLetter(DeadLetterReason reason) =>
        _deadLetters.Add(1, new KeyValuePair<string, object?>("reason", reason == DeadLetterReason.MailboxFull ? "mailbox_full" : "recipient_stopped"));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private List<Measurement<long>> ObserveAlive() => Observe(static _ => 1, includeStopped: false);

    private List<Measurement<long>> ObserveProcessed() => Observe(static cell => cell.ProcessedCount, includeStopped: true);

    private List<Measurement<long>> ObserveDepth() => Observe(static cell => cell.MailboxDepth, includeStopped: false);

    private List<Measurement<long>> Observe(Func<ActorCell, long> value, bool includeStopped)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        lock (_lock)
        {
            if (includeStopped)
            {
                foreach (var (type, count) in _processedByStopped)
                {
                    totals[type] = count;
                }
            }

            foreach (var cell in _live)
            {
                totals[cell.TypeName] = totals.GetValueOrDefault(cell.TypeName) + value(cell);
            }
        }

        var measurements = new List<Measurement<long>>(totals.Count);
        foreach (var (type, total) in totals)
        {
            measurements.Add(new Measurement<long>(total, new KeyValuePair<string, object?>(ActorTypeTag, type)));
        }

        return measurements;
    }
}
