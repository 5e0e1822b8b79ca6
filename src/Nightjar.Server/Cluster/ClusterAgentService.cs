using Nightjar.Cluster.Coordination;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Nightjar.Server.Cluster;

/// <summary>
/// The node agent (DESIGN.md, Actors: NodeAgent) and the coordinator candidate. The agent converges what the engine
/// runs on what the database says this node owns, acknowledges started cameras and completes releases once a camera
/// has stopped here. Registered after recording, so it starts once the engine runs and stops first: SIGTERM drains
/// (this node's cameras move to others, one release at a time per camera) before recording stops.
/// </summary>
internal sealed partial class ClusterAgentService(
    ClusterRuntime cluster,
    CameraAssignments assignments,
    ClusterDirectory directory,
    RecordingEngine engine,
    IOptions<ShutdownOptions> shutdown,
    TimeProvider time,
    ILoggerFactory logs) : IHostedService, IAsyncDisposable
{
    /// <summary>Kept back from Shutdown:TimeoutSeconds for stopping recording after the drain.</summary>
    private static readonly TimeSpan StopReserve = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger = logs.CreateLogger<ClusterAgentService>();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private ClusterCoordinator? _coordinator;
    private Task _loop = Task.CompletedTask;

    /// <summary>The coordinator candidate of this node (for the placement view).</summary>
    public ClusterCoordinator? Coordinator => _coordinator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        cluster.Membership.AssignmentsChanged += Wake;
        cluster.Membership.DeclaredDead += _ => assignments.Clear();
        cluster.Membership.MeasuredBitrates = () => engine.MeasuredBitratesMbps();
        cluster.Membership.UsedIngestMbps = engine.TotalIngestMbps;
        _coordinator = new ClusterCoordinator(cluster.DataSource, cluster.Membership, cluster.Timing, ReadCamerasAsync, time, logs);
        await _coordinator.StartAsync(cancellationToken);
        _loop = Task.Factory.StartNew(() => RunAsync(_stopping.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (cluster.Membership.Status is MembershipStatus.Active or MembershipStatus.Joining)
            {
                await DrainAsync(cancellationToken);
            }
        }
        finally
        {
            await _stopping.CancelAsync();
            await _loop;
            if (_coordinator is not null)
            {
                await _coordinator.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await _loop;
        _stopping.Dispose();
        _wake.Dispose();
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one pass reads everything.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private Task<IReadOnlyList<Nightjar.Cluster.Placement.PlacementCamera>> ReadCamerasAsync(CancellationToken cancellationToken) =>
        Task.FromResult(PlacementCameras.From(engine.Registry));

    /// <summary>Asks the coordinator to move every camera away, and waits until this node holds none (or time runs out).</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var budget = shutdown.Value.Timeout - StopReserve;
        var started = time.GetTimestamp();
        var seconds = budget.TotalSeconds;
        LogDraining(_logger, cluster.Identity.NodeId, assignments.Mine.Count, seconds);
        await cluster.Membership.LeaveAsync(cancellationToken);
        _coordinator?.Poke();
        while (assignments.Mine.Count > 0 && time.GetElapsedTime(started) < budget && !cancellationToken.IsCancellationRequested)
        {
            Wake();
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = time.GetElapsedTime(started);
        if (assignments.Mine.Count == 0)
        {
            LogDrained(_logger, elapsed.TotalSeconds);
        }
        else if (_logger.IsEnabled(LogLevel.Warning))
        {
            LogDrainIncomplete(_logger, assignments.Mine.Count, string.Join(", ", assignments.Mine.Keys));
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(cancellationToken);
                await directory.RefreshAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The database may be restarting: recording goes on with the last known assignments.
                LogReconcileFailed(_logger, error);
            }

            try
            {
                await WaitForWakeAsync(NextPassIn(), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _wake.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The pass interval elapsed without a wake-up.
        }
    }

    /// <summary>
    /// Soon while a camera is stopping for a release or starting here (each 100 ms of waiting is 100 ms of recording
    /// gap for a moved camera); otherwise at the heartbeat's pace, with assignment changes waking the loop early.
    /// </summary>
    private TimeSpan NextPassIn() =>
        assignments.Mine.Values.Any(a => a.State is AssignmentState.Releasing or AssignmentState.Starting)
            ? TimeSpan.FromMilliseconds(100)
            : cluster.Timing.RenewInterval;

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        if (cluster.Membership.Status == MembershipStatus.Dead)
        {
            assignments.Clear();
            return;
        }

        var mine = await cluster.Assignments.ReadMineAsync(cancellationToken);
        assignments.Update(mine);
        foreach (var assignment in mine)
        {
            var camera = new CameraId(assignment.CameraId);
            var running = engine.IsRunning(camera);
            if (assignment.State == AssignmentState.Releasing && !running)
            {
                if (await cluster.Assignments.ReleaseCompleteAsync(assignment.CameraId, assignment.Epoch, cancellationToken))
                {
                    LogReleased(_logger, assignment.CameraId, assignment.Epoch, assignment.TargetNode ?? "?");
                }

                Wake();
            }
            else if (assignment.State == AssignmentState.Starting && running)
            {
                if (await cluster.Assignments.RecordingStartedAsync(assignment.CameraId, assignment.Epoch, cancellationToken))
                {
                    LogStarted(_logger, assignment.CameraId, assignment.Epoch);
                }
            }
        }
    }

    [LoggerMessage(EventId = 2610, Level = LogLevel.Information, Message = "Draining {NodeId}: handing over {Cameras} cameras within {BudgetSeconds} s")]
    private static partial void LogDraining(ILogger logger, string nodeId, int cameras, double budgetSeconds);

    [LoggerMessage(EventId = 2611, Level = LogLevel.Information, Message = "Drained in {Seconds:F1} s: this node records no camera")]
    private static partial void LogDrained(ILogger logger, double seconds);

    [LoggerMessage(EventId = 2612, Level = LogLevel.Warning, Message = "Drain incomplete: {Count} cameras still here ({Cameras}); they fail over when this node leaves")]
    private static partial void LogDrainIncomplete(ILogger logger, int count, string cameras);

    [LoggerMessage(EventId = 2613, Level = LogLevel.Information, Message = "Released camera {Camera} (epoch {Epoch}) to {Target}")]
    private static partial void LogReleased(ILogger logger, string camera, long epoch, string target);

    [LoggerMessage(EventId = 2614, Level = LogLevel.Information, Message = "Recording camera {Camera} (epoch {Epoch})")]
    private static partial void LogStarted(ILogger logger, string camera, long epoch);

    [LoggerMessage(EventId = 2615, Level = LogLevel.Warning, Message = "Cluster agent pass failed; retrying")]
    private static partial void LogReconcileFailed(ILogger logger, Exception error);
}
