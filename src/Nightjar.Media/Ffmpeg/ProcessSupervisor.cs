using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// Keeps one process running (media.md 7.1, modelled on Frigate's watchdog): starts it, restarts
/// it after ANY exit (a source timeout makes ffmpeg exit with code 0), stops it when it makes no
/// progress, and waits 1, 2, 5, 10, 30 s between restarts (reset after a healthy run). Each start
/// is a new run with its own number, and its command comes from the factory, so each run can
/// write into its own directory.
/// </summary>
/// <remarks>
/// Events go to the sink from the supervisor's loop and, for <see cref="RunProgress"/>, from the
/// output reader, so the sink may be called from two threads at once: hand the event off (an actor
/// Tell, a channel write) and return.
/// </remarks>
public sealed partial class ProcessSupervisor : IAsyncDisposable
{
    private readonly string _name;
    private readonly Func<SupervisedRun, FfmpegCommand> _commandFactory;
    private readonly Action<ISupervisorEvent> _onEvent;
    private readonly SupervisorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StallDetector _stall;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource<string> _restartRequest = NewSignal();
    private Task _loop = Task.CompletedTask;
    private bool _killOnStop;
    private int _disposed;
    private int _run;
    private int _state;

    /// <param name="name">Names the supervised thing in logs and metrics (e.g. <c>lobby/main</c>).</param>
    /// <param name="commandFactory">Builds the command of each run (may create the run's directory).</param>
    /// <param name="onEvent">Receives <see cref="RunStarted"/>, <see cref="RunProgress"/>, <see cref="RunStalled"/> and <see cref="RunExited"/>.</param>
    /// <param name="options">Timeouts and backoff; defaults when null.</param>
    /// <param name="timeProvider">All waiting goes through it; the system clock when null.</param>
    /// <param name="logger">Logger; nothing is logged when null.</param>
    public ProcessSupervisor(
        string name,
        Func<SupervisedRun, FfmpegCommand> commandFactory,
        Action<ISupervisorEvent> onEvent,
        SupervisorOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(commandFactory);
        ArgumentNullException.ThrowIfNull(onEvent);
        _name = name;
        _commandFactory = commandFactory;
        _onEvent = onEvent;
        _options = options ?? new SupervisorOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _stall = new StallDetector(_options.StallTimeout, _options.StartGrace);
    }

    /// <summary>The number of the current (or last) run; 0 before the first start.</summary>
    public int CurrentRun => Volatile.Read(ref _run);

    public SupervisorState State => (SupervisorState)Volatile.Read(ref _state);

    /// <summary>The process of the current run, if one is up.</summary>
    public FfmpegProcess? CurrentProcess { get; private set; }

    /// <summary>Starts the first run. Call once.</summary>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _state, (int)SupervisorState.Running, (int)SupervisorState.Idle) != (int)SupervisorState.Idle)
        {
            throw new InvalidOperationException("The supervisor was already started.");
        }

        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>
    /// Stops the current run (used by health checks the supervisor cannot see: a file that stopped
    /// growing, a relay without publisher). It is restarted after the backoff like after an exit.
    /// </summary>
    public void RequestRestart(string reason)
    {
        lock (_lock)
        {
            _restartRequest.TrySetResult(reason);
        }
    }

    /// <summary>Stops gracefully (SIGTERM, then SIGKILL after the stop grace) and ends the loop.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _stop.CancelAsync();
        await _loop.WaitAsync(cancellationToken);
    }

    /// <summary>Stops with SIGKILL: nothing survives the supervisor.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _killOnStop = true;
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static TaskCompletionSource<string> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task LoopAsync(CancellationToken stop)
    {
        var backoff = new RestartBackoff(_options.BackoffSchedule, _options.HealthyRunDuration);
        while (!stop.IsCancellationRequested)
        {
            var run = Interlocked.Increment(ref _run);
            var startedAt = _time.GetUtcNow();
            lock (_lock)
            {
                _restartRequest = NewSignal();
                _stall.Reset(startedAt);
            }

            var (reason, code, lastError) = await RunOnceAsync(run, startedAt, stop);
            var uptime = _time.GetUtcNow() - startedAt;
            TimeSpan? delay = reason == RunExitReason.Stopped ? null : backoff.Next(uptime);
            FfmpegMetrics.Exited(_name, reason, uptime);
            LogRunEnded(_logger, _name, run, reason, code, lastError, delay);
            Emit(new RunExited(run, code, reason, lastError, uptime, delay, _time.GetUtcNow()));
            if (delay is not { } wait)
            {
                break;
            }

            Volatile.Write(ref _state, (int)SupervisorState.BackingOff);
            try
            {
                await Task.Delay(wait, _time, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            Volatile.Write(ref _state, (int)SupervisorState.Running);
        }

        Volatile.Write(ref _state, (int)SupervisorState.Stopped);
    }

    private async Task<(RunExitReason Reason, int? Code, string? LastError)> RunOnceAsync(int run, DateTimeOffset startedAt, CancellationToken stop)
    {
        FfmpegProcess process;
        try
        {
            var command = _commandFactory(new SupervisedRun(run, startedAt));
            process = await FfmpegProcess.StartAsync(command, _options.Process, _time, _logger, progress => OnProgress(run, progress));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (stop.IsCancellationRequested ? RunExitReason.Stopped : RunExitReason.StartFailed, null, UrlRedactor.RedactText(ex.Message));
        }

        await using (process)
        {
            CurrentProcess = process;
            FfmpegMetrics.Started(_name);
            LogRunStarted(_logger, _name, run, process.Id);
            Emit(new RunStarted(run, process.Id, startedAt));
            var reason = await MonitorAsync(run, process, stop);
            var code = await process.Exited;
            CurrentProcess = null;
            return (reason, code, process.LastError);
        }
    }

    private async Task<RunExitReason> MonitorAsync(int run, FfmpegProcess process, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.CheckInterval, _time);
        Task<string> restart;
        lock (_lock)
        {
            restart = _restartRequest.Task;
        }

        while (true)
        {
            var tick = timer.WaitForNextTickAsync(stop).AsTask();
            var first = await Task.WhenAny(process.Exited, tick, restart);
            if (first == process.Exited)
            {
                return RunExitReason.Exited;
            }

            if (stop.IsCancellationRequested)
            {
                await StopProcessAsync(process, _killOnStop ? TimeSpan.Zero : _options.StopGrace);
                return RunExitReason.Stopped;
            }

            if (first == restart)
            {
                var why = await restart;
                LogRestartRequested(_logger, _name, run, why);
                await StopProcessAsync(process, _options.StopGrace);
                return RunExitReason.RestartRequested;
            }

            var now = _time.GetUtcNow();
            TimeSpan since;
            lock (_lock)
            {
                if (!_stall.IsStalled(now))
                {
                    continue;
                }

                since = _stall.SinceLastAdvance(now);
            }

            FfmpegMetrics.Stalled(_name);
            LogStalled(_logger, _name, run, since);
            Emit(new RunStalled(run, since, now));
            await StopProcessAsync(process, _options.StopGrace);
            return RunExitReason.Stalled;
        }
    }

    private async Task StopProcessAsync(FfmpegProcess process, TimeSpan grace)
    {
        var outcome = await process.StopAsync(grace, CancellationToken.None);
        LogProcessStopped(_logger, _name, process.Id, outcome);
    }

    private void OnProgress(int run, FfmpegProgress progress)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (run != _run)
            {
                return; // a late block of a previous run
            }

            _stall.Observe(progress, now);
        }

        Emit(new RunProgress(run, progress, now));
    }

    private void Emit(ISupervisorEvent supervisorEvent)
    {
        try
        {
            _onEvent(supervisorEvent);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSinkFailed(_logger, _name, ex);
        }
    }
}
