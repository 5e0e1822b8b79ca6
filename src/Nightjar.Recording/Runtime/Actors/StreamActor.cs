using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Nightjar.Actors.Persistence;
using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime.Archive;
using Nightjar.Recording.Runtime.Ingest;

namespace Nightjar.Recording.Runtime.Actors;

/// <summary>
/// Records one stream of one camera (DESIGN.md, Actors: Stream and Dvr in one): runs ffmpeg under a
/// <see cref="ProcessSupervisor"/> (a new run, run directory and HLS discontinuity after every exit or stall), tails the
/// file being written for GOPs (live window, growth, keyframes), and when ffmpeg closes a file indexes it, fsyncs it
/// and its directory, then journals <c>SegmentRecorded</c> under <c>dvr/{camera}/{stream}</c>. Run changes are
/// journaled as <c>StreamStarted</c> and <c>SourceClosed</c>. Readers get an immutable <see cref="StreamSnapshot"/>.
/// </summary>
/// <remarks>
/// Persistent so its DVR events are single-writer (a second incarnation fails on the sequence number) and its small
/// <see cref="DvrState"/> survives restarts. On every (re)start it first adopts files its previous incarnation left
/// unrecorded; on a graceful stop it stops ffmpeg (SIGTERM, then SIGKILL) and records the last file; when killed
/// (a crash of its parent, engine disposal) it stops ffmpeg and leaves the files to that adoption.
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Actors release what they own in StoppedAsync, the end of their life.")]
internal sealed partial class StreamActor : PersistentActor<StreamActor.IMessage, DvrState>
{
    private const string TailTimer = "tail";
    private const int RecentClosedKept = 4;

    private readonly RecordingServices _services;
    private readonly CameraId _camera;
    private readonly StreamDefinition _definition;
    private readonly AudioMode _audio;
    private readonly StreamKey _key;
    private readonly ILogger _logger;
    private readonly LiveChunkWindow _live;
    private readonly BitrateMeter _bitrate = new();
    private readonly List<SegmentView> _recentClosed = [];
    private readonly string[] _secrets;
    private readonly string _displayUrl;
    private ProcessSupervisor? _supervisor;
    private RunContext? _run;
    private volatile bool _stopping;
    private StreamState _state = StreamState.Starting;
    private DateTimeOffset _since;
    private int _restarts;
    private int _failedRuns;
    private string? _lastError;
    private long _maxGopClock;
    private long _version;
    private bool _dirty;

    public StreamActor(RecordingServices services, CameraId camera, StreamDefinition definition, AudioMode audio)
        : base(services.StreamEventStore, JournalNames.DvrPersistenceId(camera, definition.Name), DvrState.Empty)
    {
        _services = services;
        _camera = camera;
        _definition = definition;
        _audio = audio;
        _key = new StreamKey(camera, definition.Name);
        _logger = services.LoggerFactory.CreateLogger<StreamActor>();
        _live = new LiveChunkWindow(services.Options.LiveWindowChunks);
        _secrets = PlaintextSecrets(definition, services);
        _displayUrl = definition.ToDisplayUrl();
    }

    /// <summary>The stream actor's protocol.</summary>
    public interface IMessage;

    protected override SnapshotPolicy SnapshotPolicy => SnapshotPolicy.Every(DvrState.SnapshotEvery);

    private DateTimeOffset Now => _services.Time.GetUtcNow();

    private string Name => _definition.Name;

    protected override DvrState ApplyEvent(DvrState state, object @event) => state.Apply(@event);

    protected override IReadOnlyList<string> GetTags(object @event) => JournalNames.TagsOf(@event);

    protected override async ValueTask StartedAsync()
    {
        _since = Now;
        _dirty = true;
        Publish();
        await AdoptLeftoversAsync();
        await CloseCrashedRunAsync();
        StartIngest();
        Context.Timers.StartPeriodicTimer(TailTimer, Tick.Instance, _services.Options.TailInterval);
    }

    protected override async ValueTask StoppedAsync()
    {
        _stopping = true;
        try
        {
            await ShutDownIngestAsync();
        }
        finally
        {
            _services.Snapshots.Remove(_key);
            LogStopped(_logger, _camera.Value, Name);
        }
    }

    protected override async ValueTask ReceiveAsync(IMessage message)
    {
        switch (message)
        {
            case Tick:
                await OnTickAsync();
                break;
            case RunPrepared prepared:
                await OnRunPreparedAsync(prepared.Run);
                break;
            case SupervisorEvent { Event: RunStarted started }:
                OnRunStarted(started);
                break;
            case SupervisorEvent { Event: RunProgress progress }:
                await OnRunProgressAsync(progress);
                break;
            case SupervisorEvent { Event: RunStalled stalled }:
                LogStalled(_logger, _camera.Value, Name, stalled.Run, stalled.SinceLastProgress.TotalSeconds);
                break;
            case SupervisorEvent { Event: RunExited exited }:
                await OnRunExitedAsync(exited);
                break;
        }

        if (_dirty)
        {
            Publish();
        }
    }

    private static string[] PlaintextSecrets(StreamDefinition definition, RecordingServices services)
    {
        try
        {
            return definition.Credentials?.Unprotect(services.Protector) is { HasPassword: true } plain ? [plain.Password] : [];
        }
        catch (CryptographicException)
        {
            // ffmpeg will not get a password either; the start failure says why.
            return [];
        }
    }

    private void StartIngest()
    {
        var planner = new IngestPlanner(_camera, _definition, _audio, _services.Options, _services.Layout, _services.Protector);
        var self = Context.Self;
        _supervisor = new ProcessSupervisor(
            _key.ToString(),
            run =>
            {
                var prepared = planner.Prepare(run);

                // Told from the supervisor's loop before the process starts, so it precedes the run's own events.
                self.Tell(new RunPrepared(prepared));
                return prepared.Command;
            },
            e =>
            {
                if (!_stopping)
                {
                    self.Tell(new SupervisorEvent(e));
                }
            },
            _services.Options.Supervisor,
            _services.Time,
            _services.LoggerFactory.CreateLogger<ProcessSupervisor>());
        LogRecording(_logger, _camera.Value, Name, _displayUrl);
        _supervisor.Start();
    }

    private async Task ShutDownIngestAsync()
    {
        if (_supervisor is not { } supervisor)
        {
            return;
        }

        _supervisor = null;
        if (_services.CrashSimulated)
        {
            await supervisor.DisposeAsync(); // SIGKILL, nothing closed: what a dead node leaves
            _run?.Dispose();
            return;
        }

        await supervisor.StopAsync(CancellationToken.None);
        await supervisor.DisposeAsync();
        if (_run is not { } run)
        {
            return;
        }

        _run = null;
        if (Context.Aborted.IsCancellationRequested)
        {
            // Killed: the journal may not be written now; the next incarnation adopts the files.
            run.Dispose();
            return;
        }

        try
        {
            await FinishRunAsync(run, Events.SourceCloseReason.Stopped, lastError: null);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            run.Dispose();
            LogFinishFailed(_logger, _camera.Value, Name, run.RunId, error);
        }
    }


}
