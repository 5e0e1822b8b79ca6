using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Actors;
using Nightjar.Actors.Persistence;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Protection;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Signals;

/// <summary>
/// The <see cref="ICameraSignalSink"/> of a node: one persistent actor per camera (persistence id
/// <c>signals/{camera}</c>, spawned on its first signal) deduplicates reports per (source, type, region, channel),
/// journals <c>CameraAlarm</c> (sources <c>api</c>, <c>trigger</c>) or <c>CameraEventReported</c> (devices) once per
/// state change, and keeps one motion window per camera (<c>MotionStarted</c>/<c>MotionStopped</c>).
/// </summary>
/// <remarks>
/// <para>Motion: the first active motion-like condition opens the window; it closes (<c>stopped</c>) when none is
/// active any more. A pulse opens and closes a window at the same instant (<c>momentary</c>; the camera's post-alarm
/// gives it length) unless one is already open. A window open for <see cref="SignalPipelineOptions.MaxMotionLength"/>
/// closes with <c>max_duration</c> at start + maximum; conditions still active then do not reopen it, a new one does.
/// A camera removed while its window is open is noticed within <see cref="SignalPipelineOptions.SourceCheckInterval"/>
/// and closed with <c>source_lost</c>.</para>
/// <para>Times: a report's <see cref="CameraSignal.At"/> in the future is taken as now. A report older than the last
/// accepted one of its key is out of order and dropped, as is one that repeats its key's state.</para>
/// <para>Life cycle: construct, optionally <see cref="ResumeAsync"/> the cameras with open windows (so their timers run
/// without waiting for a signal), report, <see cref="DisposeAsync"/>.</para>
/// </remarks>
public sealed partial class CameraSignalPipeline : ICameraSignalSink, IAsyncDisposable
{
    private readonly ICameraManager _cameras;
    private readonly SignalPipelineOptions _options;
    private readonly SignalServices _services;
    private readonly SignalMetrics _metrics;
    private readonly ActorSystem _system;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<CameraId, IActorRef<SignalActor.IMessage>> _actors = [];
    private bool _disposed;

    /// <param name="eventStore">The journal's store (<c>JournalEventStore</c> in a node).</param>
    /// <param name="cameras">Which cameras exist: signals for others are refused.</param>
    /// <param name="options">Validated here; defaults when null.</param>
    /// <param name="observer">Told of every append (the <see cref="ProtectionIndex"/>), optional.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    /// <param name="timeProvider">The only clock (report times, timers); the system clock when null.</param>
    /// <param name="meterFactory">Creates the <c>Nightjar.Signals</c> meter; the pipeline owns it when null.</param>
    public CameraSignalPipeline(
        IEventStore eventStore,
        ICameraManager cameras,
        SignalPipelineOptions? options = null,
        IJournalWriteObserver? observer = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(eventStore);
        ArgumentNullException.ThrowIfNull(cameras);
        options ??= new SignalPipelineOptions();
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        _cameras = cameras;
        _options = options;
        _logger = loggerFactory.CreateLogger<CameraSignalPipeline>();
        _metrics = new SignalMetrics(meterFactory);
        _services = new SignalServices(eventStore, cameras, options, _metrics, observer, loggerFactory.CreateLogger<SignalActor>());
        _system = new ActorSystem("signals", new ActorSystemOptions
        {
            TimeProvider = timeProvider ?? TimeProvider.System,
            LoggerFactory = loggerFactory,
            MeterFactory = meterFactory,
            DefaultAskTimeout = options.ReportTimeout,
            // A journal outage fails the write and the actor; it recovers from the journal after the backoff.
            DefaultSupervisorStrategy = new SupervisorStrategy
            {
                MinBackoff = TimeSpan.FromMilliseconds(200),
                MaxBackoff = TimeSpan.FromSeconds(10),
                MaxRestarts = -1,
            },
        });
    }

    /// <summary>The pipeline's meter (<c>Nightjar.Signals</c>).</summary>
    public Meter Meter => _metrics.Meter;

    /// <summary>How many cameras have a motion window open now.</summary>
    public int OpenMotionWindows => _metrics.OpenWindows;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The signal is malformed (see <see cref="Validate"/>).</exception>
    public async Task<SignalOutcome> ReportAsync(CameraSignal signal, CancellationToken cancellationToken)
    {
        Validate(signal);
        if (!_cameras.Registry.Contains(signal.CameraId))
        {
            _metrics.Received(signal.Source, SignalOutcome.UnknownCamera);
            LogUnknownCamera(_logger, signal.Source, signal.CameraId.Value);
            return SignalOutcome.UnknownCamera;
        }

        var outcome = await ActorOf(signal.CameraId).AskAsync<SignalOutcome>(new SignalActor.Report(signal), _options.ReportTimeout, cancellationToken);
        _metrics.Received(signal.Source, outcome);
        return outcome;
    }

    /// <summary>
    /// Starts the actors of <paramref name="cameras"/> (typically those the journal shows with an open motion window,
    /// removed cameras included) and waits until each has recovered, so their max-duration and source checks run.
    /// </summary>
    public async Task ResumeAsync(IEnumerable<CameraId> cameras, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        var recovered = cameras.Distinct().Select(id => ActorOf(id).AskAsync<SignalState>(SignalActor.GetState.Instance, _options.ReportTimeout, cancellationToken));
        var states = await Task.WhenAll(recovered);
        var open = states.Count(s => s.Window is not null);
        LogResumed(_logger, states.Length, open);
    }

    /// <summary>The state of one camera's actor (spawning it): for tests and diagnostics.</summary>
    internal Task<SignalState> GetStateAsync(CameraId camera, CancellationToken cancellationToken) =>
        ActorOf(camera).AskAsync<SignalState>(SignalActor.GetState.Instance, _options.ReportTimeout, cancellationToken);

    /// <summary>Stops every actor (each finishes the reports already queued), then releases the meter.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _system.StopAsync();
        await _system.DisposeAsync();
        _metrics.Dispose();
    }

    /// <summary>
    /// What the pipeline refuses with an <see cref="ArgumentException"/>: sources must map device input to these
    /// bounds (source 1-32 and type 1-64 printable ASCII characters without spaces; region and target at most 64
    /// characters; a defined state; a camera id).
    /// </summary>
    public static void Validate(CameraSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (string.IsNullOrEmpty(signal.CameraId.Value))
        {
            throw new ArgumentException("A signal needs a camera.", nameof(signal));
        }

        if (!IsToken(signal.Source, 32))
        {
            throw new ArgumentException("A signal's source must be 1 to 32 printable ASCII characters without spaces.", nameof(signal));
        }

        if (!IsToken(signal.Type, 64))
        {
            throw new ArgumentException("A signal's type must be 1 to 64 printable ASCII characters without spaces.", nameof(signal));
        }

        if (signal.Region is { Length: > 64 } || signal.Target is { Length: > 64 })
        {
            throw new ArgumentException("A signal's region and target are at most 64 characters.", nameof(signal));
        }

        if (!Enum.IsDefined(signal.State))
        {
            throw new ArgumentException($"'{signal.State}' is not an alarm state.", nameof(signal));
        }
    }

    private static bool IsToken(string? text, int maxLength) =>
        text is { Length: > 0 } && text.Length <= maxLength && text.All(static c => c is > ' ' and < (char)127);

    private IActorRef<SignalActor.IMessage> ActorOf(CameraId camera)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_actors.TryGetValue(camera, out var actor))
            {
                actor = _system.Spawn(camera.Value, () => new SignalActor(_services, camera));
                _actors[camera] = actor;
            }

            return actor;
        }
    }
}
