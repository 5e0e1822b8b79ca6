using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors;
using Nightjar.Media.Segments;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Runtime.Recovery;

namespace Nightjar.Recording.Retention;

/// <summary>
/// Retention of a node's storage roots (DESIGN.md, Recording and retention): one actor per root deletes whole
/// segments by the rules of <see cref="RetentionPlanner"/> (expired, camera space, root limit, motion, locks last),
/// in the crash-safe order of <see cref="RetentionExecutor"/>, every deletion a <c>SegmentDeleted</c> event with its
/// reason. Usage comes from the index, checked against the filesystem's free space.
/// </summary>
/// <remarks>
/// Life cycle: construct, <see cref="StartAsync"/> (after the recording engine started, so the catalog is
/// reconciled), <see cref="StopAsync"/>, dispose. Root <c>i</c> of the constructor's roots owns the catalog rows whose
/// storage root is <c>i</c> (the recording engine's numbering). Metrics on the <c>Nightjar.Retention</c> meter.
/// </remarks>
public sealed partial class RetentionService : IAsyncDisposable
{
    /// <summary>Asks wait this long at most: a pass over a million segments takes seconds, a stuck database longer.</summary>
    private static readonly TimeSpan AskTimeout = TimeSpan.FromMinutes(10);

    private readonly RetentionContext _context;
    private readonly IReadOnlyList<RetentionRoot> _roots;
    private readonly IReadOnlyList<RetentionExecutor> _executors;
    private readonly IReadOnlyList<RootRetentionStats> _stats;
    private readonly IMeterFactory? _meterFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private ActorSystem? _system;
    private IReadOnlyList<IActorRef<RootRetentionActor.IMessage>> _actors = [];
    private int _state;

    /// <param name="options">Validated here (<see cref="ArgumentException"/> names the option).</param>
    /// <param name="roots">At least one, names unique; each validated.</param>
    /// <param name="journal">The node's journal (deletions and storage alarms go to <c>retention/{root name}</c>).</param>
    /// <param name="catalog">The segment catalog (read; written only through the projection of the journal).</param>
    /// <param name="cameras">Current camera policies (<see cref="ICameraManager.Registry"/>).</param>
    /// <param name="protection">Motion windows and evidence locks.</param>
    /// <param name="pins">Segments exports are reading.</param>
    /// <param name="space">Free space of the roots' filesystems.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    /// <param name="timeProvider">The only clock; the system clock when null.</param>
    /// <param name="meterFactory">Creates the meters; the service owns them when null.</param>
    public RetentionService(
        RetentionOptions options,
        IReadOnlyList<RetentionRoot> roots,
        IEventJournal journal,
        ISegmentCatalog catalog,
        ICameraManager cameras,
        IProtectionSource protection,
        ISegmentPins pins,
        IStorageSpaceProbe space,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(cameras);
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(space);
        options.Validate();
        ValidateRoots(roots);
        loggerFactory ??= NullLoggerFactory.Instance;
        _meterFactory = meterFactory;
        _logger = loggerFactory.CreateLogger<RetentionService>();
        _roots = [.. roots];
        _context = new RetentionContext(
            options,
            roots.Count,
            journal,
            catalog,
            cameras,
            protection,
            pins,
            space,
            timeProvider ?? TimeProvider.System,
            new RetentionMetrics(meterFactory),
            loggerFactory);
        var projector = new CatalogProjector(journal, catalog, _context.Time, loggerFactory.CreateLogger<CatalogProjector>());
        _executors = [.. roots.Select((root, i) => new RetentionExecutor(
            root.Name,
            CatalogName(i, options.NodeId),
            options.NodeId,
            new SafePathResolver(root.Path),
            journal,
            catalog,
            projector,
            options.DeletionBatchSize,
            loggerFactory.CreateLogger<RetentionExecutor>()))];
        _stats = [.. roots.Select(_ => new RootRetentionStats())];
    }

    /// <summary>The <c>Nightjar.Retention</c> meter, for hosts that add meters by instance.</summary>
    public Meter Meter => _context.Metrics.Meter;

    /// <summary>Per root, in order: crash tests inject failures between the steps of a deletion.</summary>
    internal IReadOnlyList<RetentionExecutor> Executors => _executors;

    /// <summary>The catalog's name of a single node's root at <paramref name="index"/> (see <see cref="StorageRootNames"/>).</summary>
    public static string CatalogName(int index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The catalog's name of root <paramref name="index"/> of <paramref name="node"/> (null: a single node).</summary>
    public static string CatalogName(int index, string? node) => StorageRootNames.For(node, index);

    /// <summary>Finishes deletions a crash interrupted (garbage rows: unlink, fsync, <c>SegmentDeleted</c>), then schedules passes. Call once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_state != 0)
            {
                throw new InvalidOperationException("The retention service can be started once.");
            }

            _system = new ActorSystem("retention", new ActorSystemOptions
            {
                TimeProvider = _context.Time,
                LoggerFactory = _context.LoggerFactory,
                MeterFactory = _meterFactory,
                DefaultAskTimeout = AskTimeout,
            });
            _actors = [.. _roots.Select((root, i) => _system.Spawn(
                "root-" + CatalogName(i),
                () => new RootRetentionActor(_context, root, CatalogName(i, _context.Options.NodeId), _executors[i], _stats[i])))];
            _state = 1;
            foreach (var actor in _actors)
            {
                await actor.AskAsync<bool>(new RootRetentionActor.Start(), AskTimeout, cancellationToken);
            }

            LogStarted(_logger, _roots.Count, _context.Options.PassInterval);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops the schedule after the pass in progress, if any.</summary>
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
            if (_system is { } system)
            {
                await system.StopAsync(cancellationToken);
                await system.DisposeAsync();
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Runs a pass over every root soon (configuration changed); requests while one is pending make one pass.</summary>
    public void RequestPass()
    {
        foreach (var actor in _actors)
        {
            actor.Tell(new RootRetentionActor.RequestPass());
        }
    }

    /// <summary>Runs one pass over every root now and returns what it deleted (tests, tools).</summary>
    /// <exception cref="InvalidOperationException">The service is not running.</exception>
    public async Task<RetentionPassResult> RunPassAsync(CancellationToken cancellationToken)
    {
        EnsureRunning();
        var result = RetentionPassResult.Empty;
        foreach (var actor in _actors)
        {
            result = result.Combine(await actor.AskAsync<RetentionPassResult>(new RootRetentionActor.RunPassNow(), AskTimeout, cancellationToken));
        }

        return result;
    }

    /// <summary>Per root used, limit and free space; per camera configured depth against its oldest recording.</summary>
    public async Task<RetentionReport> GetReportAsync(CancellationToken cancellationToken)
    {
        EnsureRunning();
        var roots = new List<RootRetentionReport>();
        var cameras = new SortedDictionary<string, CameraRetentionReport>(StringComparer.Ordinal);
        foreach (var actor in _actors)
        {
            var report = await actor.AskAsync<RootRetentionActor.RootReport>(new RootRetentionActor.GetReport(), AskTimeout, cancellationToken);
            roots.Add(report.Root);
            foreach (var camera in report.Cameras)
            {
                cameras[camera.CameraId.Value] = cameras.TryGetValue(camera.CameraId.Value, out var other) ? Merge(other, camera) : camera;
            }
        }

        return new RetentionReport(_context.Time.GetUtcNow(), roots, [.. cameras.Values]);
    }

    /// <summary>Stops if needed, then releases the meter.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == 3)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        if (Interlocked.Exchange(ref _state, 3) != 3)
        {
            _context.Metrics.Dispose();
            _lifecycle.Dispose();
        }
    }

    private static CameraRetentionReport Merge(CameraRetentionReport a, CameraRetentionReport b)
    {
        var oldest = a.OldestRecording is null ? b.OldestRecording : b.OldestRecording is null || a.OldestRecording < b.OldestRecording ? a.OldestRecording : b.OldestRecording;
        var actual = oldest == a.OldestRecording ? a.ActualDepth : b.ActualDepth;
        return a with { OldestRecording = oldest, ActualDepth = actual, Bytes = a.Bytes + b.Bytes, ProtectedBytes = a.ProtectedBytes + b.ProtectedBytes };
    }

    private static void ValidateRoots(IReadOnlyList<RetentionRoot> roots)
    {
        if (roots.Count == 0)
        {
            throw new ArgumentException("At least one storage root is required.", nameof(roots));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            ArgumentNullException.ThrowIfNull(root, nameof(roots));
            root.Validate();
            if (!names.Add(root.Name))
            {
                throw new ArgumentException($"Two storage roots are named '{root.Name}'.", nameof(roots));
            }
        }
    }

    private void EnsureRunning()
    {
        if (Volatile.Read(ref _state) != 1)
        {
            throw new InvalidOperationException("The retention service is not running.");
        }
    }
}
