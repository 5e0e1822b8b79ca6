using Nightjar.Recording.Retention;

namespace Nightjar.Server.Retention;

/// <summary>
/// Runs the node's <see cref="RetentionService"/> beside the recording engine: registered after it, so it starts after
/// the engine and stops before it. Starting never blocks nor fails the node: recording must go on whatever happens to
/// retention, so a failed start is logged, shown as degraded (readiness report, <c>GET /api/v1/retention</c>) and
/// retried with a fresh service and a growing pause until it succeeds or the node stops.
/// </summary>
/// <param name="create">Makes a new service (a service starts once, so every attempt gets its own).</param>
/// <param name="timeProvider">The clock of the pauses between attempts.</param>
/// <param name="logger">Where failed attempts are told, with their reason.</param>
internal sealed partial class RetentionHostedService(
    Func<RetentionService> create,
    TimeProvider timeProvider,
    ILogger<RetentionHostedService> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;
    private volatile RetentionService? _service;
    private volatile string? _problem;
    private volatile RetentionState _state = RetentionState.Starting;

    /// <summary>The running service; null until it has started and after it stopped.</summary>
    public RetentionService? Service => _service;

    public RetentionState State => _state;

    /// <summary>Why retention is degraded, in words safe to show to a viewer; null otherwise.</summary>
    public string? Problem => _problem;

    /// <summary>Configuration changed (a camera was added, replaced or removed): run a pass now. Nothing to do until started.</summary>
    public void RequestPass() => _service?.RequestPass();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _run = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _state = RetentionState.Stopped;
        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _state = RetentionState.Stopped; // again: the start loop may have finished meanwhile
        if (_service is { } service)
        {
            _service = null;
            await service.StopAsync(cancellationToken);
            await service.DisposeAsync();
            LogStopped();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is { } service)
        {
            _service = null;
            await service.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = FirstRetry;
        for (var attempt = 1; !cancellationToken.IsCancellationRequested; attempt++)
        {
            if (await TryStartAsync(attempt, delay, cancellationToken))
            {
                return;
            }

            try
            {
                await Task.Delay(delay, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
        }
    }

    private async Task<bool> TryStartAsync(int attempt, TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        RetentionService? service = null;
        try
        {
            service = create();
            await service.StartAsync(cancellationToken);
            _service = service;
            _problem = null;
            _state = RetentionState.Running;
            LogStarted(attempt);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _problem = ex is MissingProtectionSourceException
                ? ex.Message
                : "retention could not start and is retrying (the node log has the reason); recording goes on";
            _state = RetentionState.Degraded;
            LogStartFailed(ex, attempt, retryDelay.TotalSeconds);
        }
        catch (OperationCanceledException)
        {
            // The node is stopping.
        }

        if (service is not null)
        {
            await service.DisposeAsync();
        }

        return false;
    }
}
