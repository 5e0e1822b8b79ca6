using Microsoft.Extensions.Logging;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime.Archive;
using Nightjar.Recording.Runtime.Recovery;

namespace Nightjar.Recording.Runtime;

/// <summary>What the engine's actors share: configuration, storage, journal, catalog, published state, telemetry.</summary>
internal sealed class RecordingServices(
    RecordingEngineOptions options,
    StorageLayout layout,
    IEventStore eventStore,
    IEventStore streamEventStore,
    ISegmentCatalog catalog,
    ISecretProtector protector,
    StreamSnapshots snapshots,
    RecordingMetrics metrics,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    ICameraOwnership? ownership = null,
    ISegmentAuthority? segmentAuthority = null)
{
    private int _crashSimulated;

    public RecordingEngineOptions Options { get; } = options;

    public StorageLayout Layout { get; } = layout;

    /// <summary>The journal of the camera registry and of signals: a transient outage is retried for <see cref="RecordingEngineOptions.JournalRetryWindow"/>.</summary>
    public IEventStore EventStore { get; } = eventStore;

    /// <summary>
    /// The journal of the DVR streams: a transient outage is retried until the database answers. ffmpeg goes on writing
    /// meanwhile, so the files on disk are the queue of what is still to be journaled; a stream that gave up instead would
    /// stop recording for as long as the database is away.
    /// </summary>
    public IEventStore StreamEventStore { get; } = streamEventStore;

    public ISegmentCatalog Catalog { get; } = catalog;

    public ISecretProtector Protector { get; } = protector;

    public StreamSnapshots Snapshots { get; } = snapshots;

    public RecordingMetrics Metrics { get; } = metrics;

    public TimeProvider Time { get; } = timeProvider;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    /// <summary>Which cameras this node records (every camera on a single node).</summary>
    public ICameraOwnership Ownership { get; } = ownership ?? OwnsEveryCamera.Instance;

    /// <summary>When this node owned a camera (always, on a single node): what start-up recovery may index after a failover.</summary>
    public ISegmentAuthority SegmentAuthority { get; } = segmentAuthority ?? AlwaysSegmentAuthority.Instance;

    /// <summary>Cameras whose actor has not terminated, published by the camera directory.</summary>
    public Actors.RunningCameras Running { get; } = new();

    public StreamRecovery Recovery { get; } = new(layout, catalog, options, metrics, loggerFactory.CreateLogger<StreamRecovery>());

    /// <summary>
    /// Set by a test that simulates a crash: stream actors then SIGKILL ffmpeg and leave every file as it is, exactly
    /// what a killed node leaves behind.
    /// </summary>
    public bool CrashSimulated => Volatile.Read(ref _crashSimulated) != 0;

    public void SimulateCrash() => Volatile.Write(ref _crashSimulated, 1);
}
