using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Nightjar.Actors.Persistence;
using Nightjar.Media.Ffmpeg;
using Nightjar.Media.Hls;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime.Archive;
using Nightjar.Recording.Runtime.Ingest;
using Nightjar.Recording.Runtime.Recovery;

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
        : base(services.EventStore, JournalNames.DvrPersistenceId(camera, definition.Name), DvrState.Empty)
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

    private async Task AdoptLeftoversAsync()
    {
        try
        {
            var events = await _services.Recovery.ScanAsync(_camera, Name, State.RecentPaths, checkCatalog: false, Context.Aborted);
            if (events.Count == 0)
            {
                return;
            }

            await PersistAsync([.. events]);
            foreach (var @event in events)
            {
                if (@event is Events.SegmentRecorded recorded)
                {
                    _services.Metrics.Recovered(_camera.Value, Name);
                    _services.Metrics.SegmentRecorded(_camera.Value, Name, recorded.Bytes);
                }
                else if (@event is Events.SegmentLost lost)
                {
                    _services.Metrics.Lost(_camera.Value, Name, RecoveryScanner.LossTag(lost.Reason));
                }
            }

            LogAdopted(_logger, _camera.Value, Name, events.Count);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Recording must start anyway; the engine's next start-up pass retries these files.
            LogAdoptionFailed(_logger, _camera.Value, Name, error);
        }
    }

    /// <summary>A run that started and never closed ended with a crash of the node (or of this actor): say so in the journal.</summary>
    private async Task CloseCrashedRunAsync()
    {
        if (State.OpenRunId is not { } runId)
        {
            return;
        }

        await PersistAsync(new Events.SourceClosed(
            _camera,
            Name,
            runId,
            State.LastSegmentEnd ?? Now,
            Events.SourceCloseReason.Failed,
            "Nightjar stopped without closing this run (the node or its recorder crashed); its files were adopted at the next start."));
        LogCrashedRunClosed(_logger, _camera.Value, Name, runId);
    }

    private void SetState(StreamState state)
    {
        if (_state != state)
        {
            _state = state;
            _since = Now;
        }

        _dirty = true;
    }

    private void Publish()
    {
        _dirty = false;
        var open = _run?.Open;
        SegmentView? openView = null;
        if (open is { Start: { } start } && _run is { } run)
        {
            var index = open.Tailer.Current;
            openView = new SegmentView(open.RelativePath, new HlsSegment(open.Key, run.RunId, start, index.Gops), start + index.DurationTime);
        }

        var target = (int)Math.Max(_services.Options.LiveTargetDurationSeconds, (_maxGopClock + Media.Ts.GopEntry.ClockRate - 1) / Media.Ts.GopEntry.ClockRate);
        _services.Snapshots.Publish(new StreamSnapshot(
            _camera,
            Name,
            ++_version,
            _state,
            _since,
            _state == StreamState.Recording ? _bitrate.Kbps() : null,
            _restarts,
            _lastError,
            _run?.RunId,
            State.LastSegmentEnd,
            _live.Chunks,
            target,
            open?.Key,
            openView,
            [.. _recentClosed]));
    }
}
