using System.Diagnostics;
using System.Diagnostics.Metrics;
using Nightjar.Recording.Runtime.Archive;

namespace Nightjar.Recording.Runtime;

/// <summary>Instruments of the recording engine, on the <c>Nightjar.Recording</c> meter.</summary>
internal sealed class RecordingMetrics : IDisposable
{
    public const string MeterName = "Nightjar.Recording";

    private static readonly StreamState[] States = Enum.GetValues<StreamState>();

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _segments;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _restarts;
    private readonly Counter<long> _recovered;
    private readonly Counter<long> _lost;
    private readonly Counter<long> _journalRetries;

    public RecordingMetrics(IMeterFactory? meterFactory, StreamSnapshots snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge(
            "nightjar.recording.streams",
            () => Observe(snapshots),
            "{stream}",
            "Streams of this node by ingest state.");
        _segments = _meter.CreateCounter<long>("nightjar.recording.segments", "{segment}", "Segment files closed, made durable and recorded.");
        _bytes = _meter.CreateCounter<long>("nightjar.recording.bytes", "By", "Bytes of recorded segment files.");
        _restarts = _meter.CreateCounter<long>("nightjar.recording.restarts", "{restart}", "Ingest runs that ended and will be restarted, by reason.");
        _recovered = _meter.CreateCounter<long>("nightjar.recording.recovered_segments", "{segment}", "Files left open by a crash, repaired and adopted at start.");
        _lost = _meter.CreateCounter<long>("nightjar.recording.lost_segments", "{segment}", "Indexed segments found missing or broken, and unusable files found on disk, by reason.");
        _journalRetries = _meter.CreateCounter<long>("nightjar.recording.journal_retries", "{retry}", "Journal appends retried after a transient database error (a PostgreSQL restart).");
    }

    public Meter Meter => _meter;

    public void SegmentRecorded(string camera, string stream, long bytes)
    {
        var tags = new TagList { { "camera", camera }, { "stream", stream } };
        _segments.Add(1, tags);
        _bytes.Add(bytes, tags);
    }

    public void Restarted(string camera, string stream, string reason) =>
        _restarts.Add(1, new TagList { { "camera", camera }, { "stream", stream }, { "reason", reason } });

    public void Recovered(string camera, string stream) =>
        _recovered.Add(1, new TagList { { "camera", camera }, { "stream", stream } });

    public void Lost(string camera, string stream, string reason) =>
        _lost.Add(1, new TagList { { "camera", camera }, { "stream", stream }, { "reason", reason } });

    public void JournalRetried() => _journalRetries.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static IEnumerable<Measurement<int>> Observe(StreamSnapshots snapshots)
    {
        var counts = new int[States.Length];
        foreach (var snapshot in snapshots.All)
        {
            counts[(int)snapshot.State]++;
        }

        for (var i = 0; i < States.Length; i++)
        {
            yield return new Measurement<int>(counts[i], new KeyValuePair<string, object?>("state", StateTag(States[i])));
        }
    }

    private static string StateTag(StreamState state) => state switch
    {
        StreamState.Starting => "starting",
        StreamState.Recording => "recording",
        StreamState.Reconnecting => "reconnecting",
        StreamState.Failed => "failed",
        _ => "disabled",
    };
}
