using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.AspNetCore.DataProtection;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.EventFeed;
using Nightjar.Recording.Events;
using Nightjar.Recording.EventSinks;
using Nightjar.Recording.Runtime;

namespace Nightjar.Benchmarks.Events;

/// <summary>
/// Events per second through the whole outgoing pipeline: journal append (SQLite, durable) → each sink's worker
/// (its own feed reader, mapping, filter, JSON batch, HMAC signature) → HTTP POST to a receiver on 127.0.0.1 that
/// parses and acknowledges → the position journaled. One operation is one event acknowledged by every sink.
/// </summary>
[Config(typeof(EventSinkBenchmarkConfig))]
[MemoryDiagnoser]
public class EventSinkThroughputBenchmarks
{
    private const int EventsPerInvocation = 5_000;
    private const int AppendChunk = 100;
    private const string PersistenceId = "bench/alarms";

    private string _directory = null!;
    private IEventJournal _journal = null!;
    private EventSinkStore _store = null!;
    private EventSinkSupervisor _supervisor = null!;
    private EventsMetrics _metrics = null!;
    private BenchReceiver _receiver = null!;
    private long _sequenceNr;
    private long _delivered;

    [Params(1, 10)]
    public int Sinks { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "nj-bench-sinks-" + Guid.NewGuid().ToString("N")[..8]);
        var registry = new EventTypeRegistry();
        RecordingEngine.RegisterJournalTypes(registry);
        _journal = EventJournalFactory.Create(new EventJournalOptions { DataPath = _directory }, registry);
        await _journal.MigrateAsync(CancellationToken.None);
        var protector = new DataProtectionSecretProtector(new EphemeralDataProtectionProvider());
        _store = new EventSinkStore(_journal, protector, TimeProvider.System, NullLogger<EventSinkStore>.Instance);
        _metrics = new EventsMetrics();
        var options = new EventSinkOptions();
        _supervisor = new EventSinkSupervisor(_store, _journal, protector, EventSinkHttp.Create(options), options, _metrics, TimeProvider.System, NullLogger<EventSinkSupervisor>.Instance);
        await _supervisor.StartAsync(CancellationToken.None);
        _receiver = await BenchReceiver.StartAsync();
        for (var i = 0; i < Sinks; i++)
        {
            var change = await _store.CreateAsync(
                new EventSinkRequest { Url = _receiver.Url, BatchSize = 100, SecretAction = EventSinkSecretAction.Set, Secret = "bench-signing-secret-0123456789" },
                CancellationToken.None);
            if (change.Status != EventSinkChangeStatus.Ok)
            {
                throw new InvalidOperationException(string.Join("; ", change.Errors));
            }
        }

        await _supervisor.ReconcileAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _supervisor.DisposeAsync();
        await _receiver.DisposeAsync();
        _store.Dispose();
        _metrics.Dispose();
        await _journal.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvocation)]
    public async Task AppendAndDeliver()
    {
        _delivered += (long)EventsPerInvocation * Sinks;
        var delivered = _receiver.WhenDelivered(_delivered);
        for (var i = 0; i < EventsPerInvocation; i += AppendChunk)
        {
            var chunk = new EventToPersist[AppendChunk];
            for (var j = 0; j < AppendChunk; j++)
            {
                var alarm = new CameraAlarm(new CameraId("lobby"), "door", AlarmState.Pulse, TimeProvider.System.GetUtcNow(), "bench");
                chunk[j] = new EventToPersist(alarm, JournalNames.TagsOf(alarm));
            }

            _sequenceNr = await _journal.AppendAsync(PersistenceId, _sequenceNr, chunk, CancellationToken.None);
        }

        await delivered.WaitAsync(TimeSpan.FromMinutes(2));
    }
}
