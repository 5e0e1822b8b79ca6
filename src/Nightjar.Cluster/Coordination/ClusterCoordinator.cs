using Microsoft.Extensions.Logging;
using Nightjar.Cluster.Placement;
using Npgsql;

namespace Nightjar.Cluster.Coordination;

/// <summary>
/// The coordinator candidate (cluster.md 6.5): every <see cref="ClusterTiming.CoordinatorInterval"/> it acquires or
/// renews the leader lease; while it holds it, one tick declares expired nodes dead, aborts overdue releases, plans with
/// <see cref="PlacementPlanner"/> and writes the moves under its term. It keeps no authoritative state in memory: a new
/// leader resumes from the database. A renewal that fails stops coordinating at once; it re-acquires later with a new term.
/// </summary>
public sealed partial class ClusterCoordinator : IAsyncDisposable
{
    private readonly NpgsqlDataSource _db;
    private readonly NodeMembership _self;
    private readonly ClusterTiming _timing;
    private readonly Func<CancellationToken, Task<IReadOnlyList<PlacementCamera>>> _cameras;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Doorbell _poke = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;
    private long _term;
    private long _leaderDeadline = long.MinValue;
    private int _isLeader;
    private PlacementPlan? _lastPlan;
    private int _disposed;
    private bool _abandonLease;

    public ClusterCoordinator(
        NpgsqlDataSource db,
        NodeMembership self,
        ClusterTiming timing,
        Func<CancellationToken, Task<IReadOnlyList<PlacementCamera>>> cameras,
        TimeProvider time,
        ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(cameras);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logs);
        timing.Validate();
        _db = db;
        _self = self;
        _timing = timing;
        _cameras = cameras;
        _time = time;
        _logger = logs.CreateLogger<ClusterCoordinator>();
    }

    /// <summary>Whether this node coordinates now (it holds a valid leader lease by its monotonic clock).</summary>
    public bool IsLeader => Volatile.Read(ref _isLeader) != 0 && _time.GetTimestamp() < Interlocked.Read(ref _leaderDeadline);

    /// <summary>The term this node holds or last held; 0 before the first.</summary>
    public long Term => Interlocked.Read(ref _term);

    /// <summary>The plan of the last tick this node ran as leader (unplaceable, stranded cameras, loads, imbalance).</summary>
    public PlacementPlan? LastPlan => Volatile.Read(ref _lastPlan);

    /// <summary>Runs a tick soon (a camera was added or removed).</summary>
    public void Poke() => _poke.Ring();

    /// <summary>Starts the candidate loop; it runs until <see cref="DisposeAsync"/>.</summary>
    public Task StartAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ct.ThrowIfCancellationRequested();
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops the loop and releases the lease, so another node takes over without waiting for it to expire.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Volatile.Read(ref _isLeader) != 0 && !_abandonLease)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_timing.RenewInterval, _time);
                await using var command = Sql.Command(_db, "SELECT nightjar_cluster.leader_release($1, $2, $3)",
                    Sql.Text(_self.Identity.NodeId), Sql.Int64(_self.Incarnation), Sql.Int64(Term));
                await command.ExecuteNonQueryAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException)
            {
                Log.ReleaseFailed(_logger, Term, ex.Message);
            }

            Volatile.Write(ref _isLeader, 0);
        }

        _stopping.Dispose();
    }

    /// <summary>Stops as a crashed process would: the lease is left to expire (tests of takeover).</summary>
    internal ValueTask AbandonAsync()
    {
        _abandonLease = true;
        return DisposeAsync();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await HoldLeadershipAsync(stopping))
                {
                    await TickAsync(stopping);
                }
            }
            catch (Exception ex) when (Sql.IsStaleTerm(ex))
            {
                StepDown("stale term");
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested && ex is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                // An outage is expected to pass; the membership lease decides whether this node may still lead.
                Log.DatabaseUnreachable(_logger, Term, ex.Message);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                Log.TickFailed(_logger, Term, ex);
            }

            try
            {
                await _poke.WaitAsync(_timing.CoordinatorInterval, _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>Whether this node leads for the coming tick.</returns>
    private async Task<bool> HoldLeadershipAsync(CancellationToken stopping)
    {
        var member = _self.Status is MembershipStatus.Active or MembershipStatus.Leaving && _self.HoldsLease;
        if (!member)
        {
            StepDown("membership lease not held");
            return false;
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        attempt.CancelAfter(_timing.RenewInterval);
        var sentAt = _time.GetTimestamp();
        if (Volatile.Read(ref _isLeader) != 0)
        {
            try
            {
                await using var renew = Sql.Command(_db, "SELECT nightjar_cluster.leader_renew($1, $2, $3, $4)",
                    Sql.Text(_self.Identity.NodeId), Sql.Int64(_self.Incarnation), Sql.Int64(Term), Sql.Interval(_timing.LeaseTtl));
                if (await renew.ExecuteScalarAsync(attempt.Token) is DateTime or DateTimeOffset)
                {
                    ExtendLeadership(sentAt);
                    return true;
                }

                StepDown("renewal refused");
                return false;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested && ex is NpgsqlException or OperationCanceledException)
            {
                // The lease may still be valid by the local deadline; past it, stop at once (k8s RenewDeadline).
                if (!IsLeader)
                {
                    StepDown("renewal failed: " + ex.Message);
                }

                return false;
            }
        }

        await using var acquire = Sql.Command(_db, "SELECT term, rebalance_session_open FROM nightjar_cluster.leader_acquire($1, $2, $3, $4)",
            Sql.Text(_self.Identity.NodeId), Sql.Int64(_self.Incarnation), Sql.Interval(_timing.LeaseTtl), Sql.Interval(_timing.TakeoverGrace));
        await using var reader = await acquire.ExecuteReaderAsync(attempt.Token);
        if (!await reader.ReadAsync(attempt.Token))
        {
            return false;
        }

        var term = reader.GetInt64(0);
        _sessionOpen = reader.GetBoolean(1);
        Interlocked.Exchange(ref _term, term);
        ExtendLeadership(sentAt);
        Volatile.Write(ref _isLeader, 1);
        ResetTermState();
        ClusterMetrics.TermChanges.Add(1);
        Log.BecameLeader(_logger, _self.Identity.NodeId, term);
        return true;
    }

    private void ExtendLeadership(long sentAt) =>
        Interlocked.Exchange(ref _leaderDeadline, sentAt + (long)(_timing.SelfFenceAfter.TotalSeconds * _time.TimestampFrequency));

    private void StepDown(string why)
    {
        if (Interlocked.Exchange(ref _isLeader, 0) != 0)
        {
            Interlocked.Exchange(ref _leaderDeadline, long.MinValue);
            Log.SteppedDown(_logger, _self.Identity.NodeId, Term, why);
        }
    }
}
