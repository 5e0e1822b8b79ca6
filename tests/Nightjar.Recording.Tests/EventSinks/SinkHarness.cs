using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.EventFeed;
using Nightjar.Recording.Events;
using Nightjar.Recording.EventSinks;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Runtime.Support;
using Nightjar.Recording.Tests.Support;
using ManualClock = Nightjar.Actors.Testing.ManualTimeProvider;

namespace Nightjar.Recording.Tests.EventSinks;

/// <summary>
/// A "node" for sink tests: a SQLite journal in a directory that survives <see cref="RestartAsync"/>, the sink store and
/// supervisor on a manual clock (backoff and timeouts move only when the test advances it), and a way to journal events.
/// </summary>
internal sealed class SinkHarness : IAsyncDisposable
{
    private const string AlarmsPersistenceId = "test/alarms";
    private readonly TempDirectory _directory = new("nj-sinks");
    private readonly ISecretProtector _protector = Protectors.Create();

    private static readonly EventSinkOptions Options = new() { RequestTimeout = TimeSpan.FromSeconds(5), MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(8) };

    private readonly string? _postgres;

    private SinkHarness(string? postgres) => _postgres = postgres;

    // Starts at the real time: the journal stamps events with the system clock, and lag compares the two.
    public ManualClock Clock { get; } = new(TimeProvider.System.GetUtcNow());

    public IEventJournal Journal { get; private set; } = null!;

    public EventSinkStore Store { get; private set; } = null!;

    public EventSinkSupervisor Supervisor { get; private set; } = null!;

    public EventsMetrics Metrics { get; private set; } = null!;

    public ISecretProtector Protector => _protector;

    /// <summary>Offsets of the events <see cref="AppendAlarmsAsync"/> journaled, in journal order.</summary>
    public List<string> Appended { get; } = [];

    /// <param name="postgres">Run on a fresh database of the test PostgreSQL (<c>NIGHTJAR_TEST_PG</c>) instead of SQLite.</param>
    public static async Task<SinkHarness> StartAsync(bool postgres = false)
    {
        var harness = new SinkHarness(postgres ? await TestPostgres.CreateDatabaseAsync("nj_sinks_") : null);
        await harness.OpenAsync();
        return harness;
    }

    /// <summary>Stops everything as a node shutdown would and starts again over the same database.</summary>
    public async Task RestartAsync()
    {
        await CloseAsync();
        await OpenAsync();
    }

    public async Task<RegisteredSink> CreateSinkAsync(EventSinkRequest request)
    {
        var change = await Store.CreateAsync(request, CancellationToken.None);
        change.Status.Should().Be(EventSinkChangeStatus.Ok, string.Join("; ", change.Errors));
        await Supervisor.ReconcileAsync();
        return change.Sink!;
    }

    /// <summary>Journals <paramref name="count"/> camera alarms (published as <c>camera_alarm</c>) and remembers their offsets.</summary>
    public async Task AppendAlarmsAsync(int count, string camera = "lobby")
    {
        var sequenceNr = await Journal.ReadHighestSequenceNrAsync(AlarmsPersistenceId, CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            var alarm = new CameraAlarm(new CameraId(camera), "door", AlarmState.Pulse, Clock.GetUtcNow(), "api");
            sequenceNr = await Journal.AppendAsync(AlarmsPersistenceId, sequenceNr, [new EventToPersist(alarm, JournalNames.TagsOf(alarm))], CancellationToken.None);
            await foreach (var stored in Journal.ReadEventsAsync(AlarmsPersistenceId, sequenceNr, sequenceNr, CancellationToken.None))
            {
                Appended.Add(stored.Offset.ToString());
            }
        }
    }

    /// <summary>Moves the manual clock in steps (letting real time pass between them) until the condition holds.</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step, string because, TimeSpan? realDeadline = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        var deadline = realDeadline ?? TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > deadline)
            {
                throw new TimeoutException($"Gave up after {deadline.TotalSeconds:F0} s waiting until {because}.");
            }

            Clock.Advance(step);
            await Task.Delay(10);
        }
    }

    /// <summary>Moves the manual clock by <paramref name="total"/> in steps, letting the workers run between them.</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan step)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
        {
            Clock.Advance(step);
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _directory.Dispose();
        if (_postgres is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgres);
        }
    }

    private async Task OpenAsync()
    {
        var registry = new EventTypeRegistry();
        RecordingEngine.RegisterJournalTypes(registry);
        Journal = EventJournalFactory.Create(new EventJournalOptions { DataPath = _directory.Path, ConnectionString = _postgres }, registry);
        await Journal.MigrateAsync(CancellationToken.None);
        Store = new EventSinkStore(Journal, _protector, Clock, NullLogger<EventSinkStore>.Instance);
        Metrics = new EventsMetrics();
        Supervisor = new EventSinkSupervisor(Store, Journal, _protector, EventSinkHttp.Create(Options), Options, Metrics, Clock, NullLogger<EventSinkSupervisor>.Instance);
        await Supervisor.StartAsync(CancellationToken.None);
    }

    /// <summary>Another node over the same journal (and, as a cluster key would make it, able to read the same secrets).</summary>
    public async Task<SinkNode> StartAnotherNodeAsync(bool delivering)
    {
        var store = new EventSinkStore(Journal, _protector, Clock, NullLogger<EventSinkStore>.Instance);
        var metrics = new EventsMetrics();
        var supervisor = new EventSinkSupervisor(
            store, Journal, _protector, EventSinkHttp.Create(Options), Options, metrics, Clock, NullLogger<EventSinkSupervisor>.Instance, delivering);
        await supervisor.StartAsync(CancellationToken.None);
        return new SinkNode(store, supervisor, metrics);
    }

    private async Task CloseAsync()
    {
        if (Supervisor is not null)
        {
            await Supervisor.DisposeAsync();
            Store.Dispose();
            Metrics.Dispose();
            await Journal.DisposeAsync();
            Supervisor = null!;
        }
    }
}
