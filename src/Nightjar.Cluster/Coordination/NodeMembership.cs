using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nightjar.Cluster.Coordination;

/// <summary>
/// This process's membership: its incarnation row, the lease it keeps renewing, and the doorbell for its assignments
/// (cluster.md 6.4). Every side effect that needs ownership must check <see cref="HoldsLease"/>, an exact monotonic
/// comparison; the <see cref="LeaseLost"/> event may lag it by up to one renew interval.
/// </summary>
/// <remarks>
/// The data source should be the control plane's own: a small pool (at least 4: heartbeat, listener, coordinator, reads),
/// short <c>Timeout</c> / <c>Command Timeout</c> (about 2 s), <c>Cancellation Timeout</c> of about 500 ms, keepalive, and
/// <c>Application Name=nightjar-ctl-{node}</c>. Event handlers run on the membership's loops: keep them short.
/// </remarks>
public sealed partial class NodeMembership : IAsyncDisposable
{
    private readonly NpgsqlDataSource _db;
    private readonly ClusterTiming _timing;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private long _incarnation;
    private long _leaseDeadline = long.MinValue;
    private int _status = (int)MembershipStatus.Joining;
    private long _membershipVersion;
    private int? _clockOffsetMs;
    private long _ownedCameras;
    private Task _heartbeat = Task.CompletedTask;
    private Task _listener = Task.CompletedTask;
    private int _disposed;
    private int _joined;

    public NodeMembership(NpgsqlDataSource db, ClusterNodeIdentity identity, ClusterTiming timing, TimeProvider time, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentException.ThrowIfNullOrWhiteSpace(identity.NodeId);
        timing.Validate();
        _db = db;
        Identity = identity;
        _timing = timing;
        _time = time;
        _logger = logs.CreateLogger<NodeMembership>();
    }

    public ClusterNodeIdentity Identity { get; }

    public ClusterTiming Timing => _timing;

    /// <summary>This process's incarnation (from a database sequence); 0 until reserved or joined.</summary>
    public long Incarnation => Interlocked.Read(ref _incarnation);

    /// <summary>Whether this node may still act as a member: its last renewal is recent enough on the local monotonic clock.</summary>
    public bool HoldsLease => _time.GetTimestamp() < Interlocked.Read(ref _leaseDeadline);

    public MembershipStatus Status => (MembershipStatus)Volatile.Read(ref _status);

    /// <summary>The membership version the last heartbeat saw.</summary>
    public long MembershipVersion => Interlocked.Read(ref _membershipVersion);

    /// <summary>This node's wall clock minus the database's, RTT-corrected, from the last heartbeat.</summary>
    public TimeSpan? ClockOffset => _clockOffsetMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>This node's assignments changed (heartbeat saw a new version, a notification arrived, or the listener reconnected): re-read them.</summary>
    public event Action? AssignmentsChanged;

    /// <summary>The database says this incarnation is dead (the reason): stop everything and exit; a restart gets a new incarnation.</summary>
    public event Action<string>? DeclaredDead;

    public event Action? LeaseLost;

    /// <summary>The heartbeat saw this incarnation's status change in the database (e.g. a drain requested elsewhere: Leaving).</summary>
    public event Action<MembershipStatus>? StatusChanged;

    public event Action? LeaseRegained;

    /// <summary>Published with each heartbeat (Mbit/s this node ingests).</summary>
    public Func<double>? UsedIngestMbps { get; set; }

    /// <summary>Camera id → measured Mbit/s, written to camera_bitrate with each heartbeat; placement weighs them.</summary>
    public Func<IReadOnlyDictionary<string, double>>? MeasuredBitrates { get; set; }

    /// <summary>Free bytes on the recording storage, published with each heartbeat.</summary>
    public Func<long>? DiskFreeBytes { get; set; }

    /// <summary>
    /// Takes this process's incarnation from the database sequence. <see cref="JoinAsync"/> does it when not done yet; a
    /// host may call it early at start so that a clone started later always has the higher incarnation.
    /// </summary>
    public async Task<long> ReserveIncarnationAsync(CancellationToken ct)
    {
        if (Incarnation != 0)
        {
            return Incarnation;
        }

        await using var command = _db.CreateCommand("SELECT nightjar_cluster.reserve_incarnation()");
        var value = (long)(await command.ExecuteScalarAsync(ct))!;
        Interlocked.CompareExchange(ref _incarnation, value, 0);
        return Incarnation;
    }

    /// <summary>
    /// Registers this incarnation (superseding an older live one of the same node id), checks the clock offset against
    /// the database, becomes active and starts the heartbeat and the assignment listener.
    /// </summary>
    /// <exception cref="StaleIncarnationException">A newer incarnation of this node id is live.</exception>
    /// <exception cref="InvalidOperationException">The clock is more than a second off the database's; the row is marked dead.</exception>
    public async Task JoinAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _joined, 1) != 0)
        {
            throw new InvalidOperationException($"Node '{Identity.NodeId}' already joined; a process joins once (a restart is a new incarnation).");
        }

        var incarnation = await ReserveIncarnationAsync(ct);
        var sentAt = _time.GetTimestamp();
        var sentWall = _time.GetUtcNow();
        DateTimeOffset dbNow;
        try
        {
            await using var command = Sql.Command(_db,
                "SELECT db_now FROM nightjar_cluster.node_join($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                Sql.Text(Identity.NodeId), Sql.Int64(incarnation), Sql.Uuid(Identity.InstanceId),
                Sql.Text(Identity.HttpUrl.ToString()), Sql.Text(Identity.RtspUrl.ToString()), Sql.Text(Identity.AppVersion),
                Sql.Jsonb(JsonSerializer.Serialize(Identity.Labels)), Sql.Interval(_timing.LeaseTtl),
                Sql.Double(Identity.Capacity.IngestMbps), Sql.Int32(Identity.Capacity.Cameras), Sql.Int64(Identity.Capacity.StorageBytes));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            dbNow = reader.GetFieldValue<DateTimeOffset>(0);
        }
        catch (PostgresException ex) when (ex.SqlState == "P0002")
        {
            Volatile.Write(ref _status, (int)MembershipStatus.Dead);
            throw new StaleIncarnationException(
                $"A newer incarnation of node '{Identity.NodeId}' is live; this process (incarnation {incarnation}) must exit.", ex);
        }

        ExtendLease(sentAt);
        var offset = ClockOffsetOf(sentWall, _time.GetUtcNow(), dbNow);
        _clockOffsetMs = (int)offset.TotalMilliseconds;
        if (offset.Duration() >= TimeSpan.FromSeconds(1))
        {
            await SetStatusAsync(["joining"], "dead", "clock offset", ct);
            Volatile.Write(ref _status, (int)MembershipStatus.Dead);
            Interlocked.Exchange(ref _leaseDeadline, long.MinValue);
            throw new InvalidOperationException(
                $"The clock of node '{Identity.NodeId}' is {offset.TotalMilliseconds:F0} ms off the database's (limit 1000 ms): fix time synchronisation before joining.");
        }

        if (offset.Duration() > TimeSpan.FromMilliseconds(250))
        {
            Log.ClockOffsetHigh(_logger, Identity.NodeId, offset.TotalMilliseconds);
        }

        if (!await SetStatusAsync(["joining"], "active", null, ct))
        {
            throw new InvalidOperationException($"Node '{Identity.NodeId}' incarnation {incarnation} was declared dead while joining.");
        }

        Volatile.Write(ref _status, (int)MembershipStatus.Active);
        Log.Joined(_logger, Identity.NodeId, incarnation, Identity.InstanceId);
        ClusterMetrics.Track(this);
        _heartbeat = Task.Factory.StartNew(() => HeartbeatLoopAsync(_stopping.Token), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        _listener = Task.Run(() => ListenLoopAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Active → leaving: the coordinator drains this node. Exit (after <see cref="MarkLeftAsync"/>) once it owns nothing.</summary>
    public async Task LeaveAsync(CancellationToken ct)
    {
        if (await SetStatusAsync(["active", "joining"], "leaving", null, ct))
        {
            Volatile.Write(ref _status, (int)MembershipStatus.Leaving);
            Log.Leaving(_logger, Identity.NodeId, Incarnation);
        }
    }

    /// <summary>At exit after the drain: this incarnation is dead ("left"); cameras it still owns fail over.</summary>
    public async Task MarkLeftAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await StopLoopsAsync();
        await SetStatusAsync(["joining", "active", "leaving"], "dead", "left", ct);
        Volatile.Write(ref _status, (int)MembershipStatus.Dead);
        Interlocked.Exchange(ref _leaseDeadline, long.MinValue);
        ClusterMetrics.Untrack(this);
        Log.Left(_logger, Identity.NodeId, Incarnation);
    }

    /// <summary>Stops heartbeating without leaving (as a crash would): the coordinator declares this incarnation dead after its lease.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopLoopsAsync();
        ClusterMetrics.Untrack(this);
        _stopping.Dispose();
    }

    internal (double Ingest, double Cameras, double? Storage) Utilization()
    {
        var capacity = Identity.Capacity;
        var ingest = (UsedIngestMbps?.Invoke() ?? 0) / capacity.IngestMbps;
        var cameras = (double)Interlocked.Read(ref _ownedCameras) / capacity.Cameras;
        double? storage = capacity.StorageBytes is { } cap && DiskFreeBytes is { } free
            ? Math.Max(0, cap - free()) / (double)cap
            : null;
        return (ingest, cameras, storage);
    }

    // Offset of this clock from the database's, assuming the database read its clock halfway through the round trip.
    private static TimeSpan ClockOffsetOf(DateTimeOffset sent, DateTimeOffset received, DateTimeOffset dbNow) =>
        sent + (received - sent) / 2 - dbNow;

    private void ExtendLease(long sentAt)
    {
        var deadline = sentAt + (long)(_timing.SelfFenceAfter.TotalSeconds * _time.TimestampFrequency);
        Interlocked.Exchange(ref _leaseDeadline, deadline);
    }

    private async Task<bool> SetStatusAsync(string[] from, string to, string? reason, CancellationToken ct)
    {
        await using var command = Sql.Command(_db, "SELECT nightjar_cluster.node_set_status($1, $2, $3, $4, $5)",
            Sql.Text(Identity.NodeId), Sql.Int64(Incarnation), Sql.TextArray(from), Sql.Text(to), Sql.Text(reason));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task StopLoopsAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await Task.WhenAll(_heartbeat, _listener).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void Raise(Action? handler, string name)
    {
        try
        {
            handler?.Invoke();
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(_logger, name, ex);
        }
    }
}
