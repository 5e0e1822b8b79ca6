using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Actors;
using Nightjar.Recording.Runtime.Archive;
using Nightjar.Recording.Runtime.Journal;
using Nightjar.Recording.Runtime.Recovery;

namespace Nightjar.Recording.Runtime;

/// <summary>
/// Records the cameras of one node: the <see cref="ICameraManager"/> the API configures cameras through and the
/// <see cref="IRecordingArchive"/> playback reads from. Behind it, a camera directory actor journals camera commands
/// and runs one ffmpeg per recorded stream; segments are fsynced, journaled, then projected into the segment catalog.
/// </summary>
/// <remarks>
/// Life cycle: construct, <see cref="StartAsync"/> (reconciles the disk with the index, then starts recording every
/// enabled camera of the journal), serve, <see cref="StopAsync"/> (SIGTERM to every ffmpeg, SIGKILL after the grace,
/// last files recorded), dispose. The journal must be migrated, its types registered with
/// <see cref="RegisterJournalTypes"/>, and the catalog migrated before <see cref="StartAsync"/>.
/// </remarks>
public sealed partial class RecordingEngine : ICameraManager, IRecordingArchive, IAsyncDisposable
{
    private readonly RecordingEngineOptions _options;
    private readonly IEventJournal _journal;
    private readonly RecordingServices _services;
    private readonly RecordingArchive _archive;
    private readonly RegistryHolder _registry = new();
    private readonly CatalogProjector _projector;
    private readonly IMeterFactory? _meterFactory;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private ActorSystem? _system;
    private IActorRef<CameraDirectoryActor.IMessage>? _directory;
    private Task _projection = Task.CompletedTask;
    private int _state;

    /// <param name="options">Validated here (<see cref="ArgumentException"/> names the bad option); the first storage root is created.</param>
    /// <param name="journal">The node's event journal (migrated, with <see cref="RegisterJournalTypes"/> applied to its registry).</param>
    /// <param name="catalog">The segment catalog in the same database (migrated).</param>
    /// <param name="protector">Protects camera passwords in events and reveals them to ffmpeg only.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    /// <param name="timeProvider">The only clock (segment times, timers, backoff); the system clock when null.</param>
    /// <param name="meterFactory">Creates the <c>Nightjar.Recording</c> and <c>Nightjar.Actors</c> meters; the engine owns them when null.</param>
    /// <param name="ownership">Which cameras this node records; every camera when null (a single node).</param>
    /// <param name="segmentAuthority">
    /// When this node owned each camera, asked at start-up for the files it left behind when another node owns the
    /// camera now; always when null (a single node, where that never happens).
    /// </param>
    public RecordingEngine(
        RecordingEngineOptions options,
        IEventJournal journal,
        ISegmentCatalog catalog,
        ISecretProtector protector,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null,
        ICameraOwnership? ownership = null,
        ISegmentAuthority? segmentAuthority = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(protector);
        options.Validate();
        _options = options;
        _journal = journal;
        loggerFactory ??= NullLoggerFactory.Instance;
        timeProvider ??= TimeProvider.System;
        _logger = loggerFactory.CreateLogger<RecordingEngine>();
        _meterFactory = meterFactory;
        var snapshots = new StreamSnapshots();
        var metrics = new RecordingMetrics(meterFactory, snapshots);
        var storeLogger = loggerFactory.CreateLogger<RetryingEventStore>();
        var journalStore = new JournalEventStore(journal);
        var eventStore = new RetryingEventStore(journalStore, options.JournalRetryWindow, timeProvider, storeLogger, _ => metrics.JournalRetried());
        var streamEventStore = new RetryingEventStore(journalStore, window: null, timeProvider, storeLogger, _ => metrics.JournalRetried());
        _services = new RecordingServices(
            options,
            new StorageLayout(options.PrimaryRoot, options.NodeId),
            eventStore,
            streamEventStore,
            catalog,
            protector,
            snapshots,
            metrics,
            timeProvider,
            loggerFactory,
            ownership,
            segmentAuthority);
        _archive = new RecordingArchive(_services, loggerFactory.CreateLogger<RecordingArchive>());
        _projector = new CatalogProjector(journal, catalog, timeProvider, loggerFactory.CreateLogger<CatalogProjector>());
    }

    /// <inheritdoc/>
    public CameraRegistry Registry => _registry.Current;

    /// <summary>The engine's meter (<c>Nightjar.Recording</c>), for hosts that add meters by instance.</summary>
    public Meter Meter => _services.Metrics.Meter;

    internal RecordingServices Services => _services;

    /// <summary>
    /// Registers every type the engine stores: the recording events (<see cref="RecordingEventTypes.All"/>) and the
    /// DVR snapshot state. Call on the registry the journal is created with.
    /// </summary>
    public static void RegisterJournalTypes(EventTypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, type) in RecordingEventTypes.All)
        {
            registry.Register(type, name);
        }

        registry.Register<DvrState>(JournalNames.DvrStateType);
    }

    /// <summary>
    /// Reconciles disk, journal and catalog (files a crash left open are adopted, missing ones marked lost), then
    /// starts recording the journal's cameras. Returns once the camera registry is loaded. Call once.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_state != 0)
            {
                throw new InvalidOperationException("The recording engine can be started once.");
            }

            var report = await new RecoveryScanner(_services, _journal, _projector, _services.LoggerFactory.CreateLogger<RecoveryScanner>())
                .RunAsync(cancellationToken);
            _projection = Task.Run(() => _projector.RunAsync(_stopping.Token), CancellationToken.None);
            _system = new ActorSystem("recording", new ActorSystemOptions
            {
                TimeProvider = _services.Time,
                LoggerFactory = _services.LoggerFactory,
                MeterFactory = _meterFactory,
                DefaultAskTimeout = _options.CommandTimeout,
                DefaultSupervisorStrategy = ChildSupervision.Forever,
            });
            _directory = _system.Spawn("cameras", () => new CameraDirectoryActor(_services, _registry));
            _services.Ownership.Changed += OnOwnershipChanged;
            var registry = await _directory.AskAsync<CameraRegistry>(new CameraDirectoryActor.GetRegistry(), _options.CommandTimeout, cancellationToken);
            _state = 1;
            LogStarted(_logger, registry.Count, report.Adopted, report.Lost, _services.Layout.Root);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops every stream (SIGTERM, then SIGKILL after the supervisor's stop grace), records their last files, and lets the catalog catch up.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_state != 1)
            {
                return;
            }

            _state = 2;
            _services.Ownership.Changed -= OnOwnershipChanged;
            if (_system is { } system)
            {
                try
                {
                    await system.StopAsync(cancellationToken);
                }
                finally
                {
                    // A graceful stop the host gave up on (a stream still waiting for the database to journal its last
                    // file) still kills every actor, and with them every ffmpeg: no process outlives the engine.
                    await system.DisposeAsync();
                }
            }

            _services.Running.Publish([]);
            await _stopping.CancelAsync();
            await _projection;
            await _projector.CatchUpAsync(cancellationToken);
            LogStopped(_logger);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops gracefully if <see cref="StopAsync"/> was not called, then releases the meter.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        await _lifecycle.WaitAsync();
        try
        {
            if (_state == 3)
            {
                return;
            }

            _state = 3;
            await _stopping.CancelAsync();
            await _projection;
            _services.Metrics.Dispose();
            _stopping.Dispose();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// For crash tests: SIGKILL every ffmpeg and drop every actor without recording anything more, like a node that
    /// died. The files stay as they were; a new engine over the same directories must adopt them.
    /// </summary>
    internal async Task SimulateCrashAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            _state = 2;
            _services.Ownership.Changed -= OnOwnershipChanged;
            _services.SimulateCrash();
            await _stopping.CancelAsync();
            if (_system is { } system)
            {
                await system.DisposeAsync();
            }

            await _projection;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private IActorRef<CameraDirectoryActor.IMessage> DirectoryActor =>
        _state == 1 && _directory is { } directory
            ? directory
            : throw new InvalidOperationException("The recording engine is not running (call StartAsync first).");
}
