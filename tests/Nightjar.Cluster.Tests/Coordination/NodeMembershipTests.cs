using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Cluster.Coordination;
using Npgsql;

namespace Nightjar.Cluster.Tests.Coordination;

public sealed class NodeMembershipTests : IAsyncLifetime
{
    private ClusterDatabase _database = null!;
    private readonly List<IAsyncDisposable> _disposables = [];

    public async Task InitializeAsync() => _database = await ClusterDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task JoinAsync_FreshNode_BecomesActiveHoldsItsLeaseAndKeepsRenewing()
    {
        var node = Track(await TestNode.StartAsync(_database, TestNode.Identity("a"), agent: false));

        node.Membership.Incarnation.Should().BePositive();
        node.Membership.Status.Should().Be(MembershipStatus.Active);
        node.Membership.HoldsLease.Should().BeTrue();
        node.Membership.ClockOffset!.Value.Duration().Should().BeLessThan(TimeSpan.FromSeconds(1));
        var first = await HeartbeatAtAsync("a");
        await Eventually.UntilAsync(async () => await HeartbeatAtAsync("a") > first, "the heartbeat renews the row", TimeSpan.FromSeconds(5));
        var row = await _database.RowsAsync("SELECT status, instance_id, lease_expires_at > now() FROM nightjar_cluster.cluster_node WHERE node_id = 'a'");
        row.Should().ContainSingle().Which.Should().Equal("active", node.Membership.Identity.InstanceId, true);
    }

    [Fact]
    public async Task JoinAsync_SameNodeIdStartsAgain_OlderIncarnationIsDeadAndTold()
    {
        var older = Track(await TestNode.StartAsync(_database, TestNode.Identity("a"), agent: false));
        string? reason = null;
        older.Membership.DeclaredDead += r => reason = r;

        var newer = Track(await TestNode.StartAsync(_database, TestNode.Identity("a"), agent: false));

        newer.Membership.Incarnation.Should().BeGreaterThan(older.Membership.Incarnation);
        await Eventually.UntilAsync(() => reason is not null, "the older incarnation learns it is dead", TimeSpan.FromSeconds(5));
        reason.Should().Be($"superseded by incarnation {newer.Membership.Incarnation}");
        older.Membership.Status.Should().Be(MembershipStatus.Dead);
        older.Membership.HoldsLease.Should().BeFalse();
        (await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.cluster_node WHERE node_id = 'a' AND status <> 'dead'")).Should().Be(1);
    }

    [Fact]
    public async Task JoinAsync_OlderCloneAfterANewerOne_ThrowsStaleIncarnationAndChangesNothing()
    {
        var clone = Track(TestNode.Create(_database, TestNode.Identity("a")));
        await clone.Membership.ReserveIncarnationAsync(CancellationToken.None);
        var newer = Track(await TestNode.StartAsync(_database, TestNode.Identity("a"), agent: false));

        var act = () => clone.Membership.JoinAsync(CancellationToken.None);

        await act.Should().ThrowAsync<StaleIncarnationException>();
        clone.Membership.Status.Should().Be(MembershipStatus.Dead);
        (await _database.ScalarAsync<long>("SELECT incarnation FROM nightjar_cluster.cluster_node WHERE node_id = 'a' AND status = 'active'"))
            .Should().Be(newer.Membership.Incarnation);
    }

    [Fact]
    public async Task JoinAsync_ClockSecondsOffTheDatabase_IsRefusedAndTheRowIsDead()
    {
        var db = _database.CreateDataSource("skewed");
        var membership = new NodeMembership(db, TestNode.Identity("skewed"), TestTimings.Fast,
            new ShiftedTimeProvider(TimeSpan.FromSeconds(5)), NullLoggerFactory.Instance);
        _disposables.Add(membership);

        var act = () => membership.JoinAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("off the database");
        (await _database.ScalarAsync<string>("SELECT dead_reason FROM nightjar_cluster.cluster_node WHERE node_id = 'skewed'")).Should().Be("clock offset");
        membership.HoldsLease.Should().BeFalse();
    }

    [Fact]
    public async Task Heartbeat_DatabaseUnreachable_LeaseIsLostThenRegainedWhenItReturns()
    {
        var server = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var proxy = new TcpProxy(server.Host!, server.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        var node = Track(TestNode.Create(_database, TestNode.Identity("a"), db: _database.CreateDataSource("via-proxy", viaProxy)));
        var lost = 0;
        var regained = 0;
        node.Membership.LeaseLost += () => Interlocked.Increment(ref lost);
        node.Membership.LeaseRegained += () => Interlocked.Increment(ref regained);
        await node.Membership.JoinAsync(CancellationToken.None);

        proxy.Break();
        await Eventually.UntilAsync(() => Volatile.Read(ref lost) == 1, "the lease runs out", TimeSpan.FromSeconds(10));
        node.Membership.HoldsLease.Should().BeFalse();
        proxy.Restore();

        await Eventually.UntilAsync(() => Volatile.Read(ref regained) == 1, "the expired lease is renewed", TimeSpan.FromSeconds(15));
        node.Membership.HoldsLease.Should().BeTrue();
        node.Membership.Status.Should().Be(MembershipStatus.Active);
    }

    [Fact]
    public async Task Heartbeat_WithMeasuredBitrates_PublishesThemAndTheIngest()
    {
        var node = Track(TestNode.Create(_database, TestNode.Identity("a")));
        node.Membership.UsedIngestMbps = () => 12.5;
        node.Membership.MeasuredBitrates = () => new Dictionary<string, double> { ["cam-1"] = 4.5, ["cam-2"] = 2 };
        await node.Membership.JoinAsync(CancellationToken.None);

        await Eventually.UntilAsync(async () => await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_bitrate") == 2,
            "the bitrates are written", TimeSpan.FromSeconds(5));

        var rows = await _database.RowsAsync("SELECT camera_id, mbps, node_id FROM nightjar_cluster.camera_bitrate ORDER BY camera_id");
        rows[0].Should().Equal("cam-1", 4.5, "a");
        rows[1].Should().Equal("cam-2", 2.0, "a");
        (await _database.ScalarAsync<double>("SELECT used_ingest_mbps FROM nightjar_cluster.cluster_node WHERE node_id = 'a'")).Should().Be(12.5);
    }

    [Fact]
    public async Task LeaveAsync_ThenMarkLeftAsync_GoesLeavingThenDeadWithReasonLeft()
    {
        var node = Track(await TestNode.StartAsync(_database, TestNode.Identity("a"), agent: false));
        var before = await _database.ScalarAsync<long>("SELECT membership_version FROM nightjar_cluster.cluster_meta");

        await node.Membership.LeaveAsync(CancellationToken.None);
        node.Membership.Status.Should().Be(MembershipStatus.Leaving);
        (await _database.ScalarAsync<string>("SELECT status FROM nightjar_cluster.cluster_node WHERE node_id = 'a'")).Should().Be("leaving");

        await node.Membership.MarkLeftAsync(CancellationToken.None);
        node.Membership.Status.Should().Be(MembershipStatus.Dead);
        node.Membership.HoldsLease.Should().BeFalse();
        (await _database.RowsAsync("SELECT status, dead_reason FROM nightjar_cluster.cluster_node WHERE node_id = 'a'"))
            .Should().ContainSingle().Which.Should().Equal("dead", "left");
        (await _database.ScalarAsync<long>("SELECT membership_version FROM nightjar_cluster.cluster_meta")).Should().Be(before + 2);
    }

    [Fact]
    public async Task StatusChanged_DrainRequestedThroughTheViews_TheNodeLearnsItIsLeaving()
    {
        var node = Track(await TestNode.StartAsync(_database, TestNode.Identity("a"), agent: false));
        MembershipStatus? seen = null;
        node.Membership.StatusChanged += s => seen = s;

        (await new ClusterViews(_database.Admin).RequestDrainAsync("a", CancellationToken.None)).Should().Be(DrainRequestResult.Accepted);

        await Eventually.UntilAsync(() => seen == MembershipStatus.Leaving, "the heartbeat reports the drain", TimeSpan.FromSeconds(5));
        node.Membership.Status.Should().Be(MembershipStatus.Leaving);
    }

    [Fact]
    public async Task AssignmentsChanged_CameraAssignedToTheNode_IsRaisedByTheNotification()
    {
        var node = Track(await TestNode.StartAsync(_database, TestNode.Identity("a"), agent: false));
        var raised = 0;
        await Eventually.UntilAsync(async () => (await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'")) == 1, "the node listens");
        node.Membership.AssignmentsChanged += () => Interlocked.Increment(ref raised);
        var term = (await LeaderCalls.AcquireAsync(_database, node.Membership))!.Value;

        await LeaderCalls.AssignAsync(_database, node.Membership, term, "cam-1", 0, node.Membership);

        await Eventually.UntilAsync(() => Volatile.Read(ref raised) > 0, "the node hears of its new camera", TimeSpan.FromSeconds(5));
        (await node.Store.ReadMineAsync(CancellationToken.None)).Should().ContainSingle()
            .Which.Should().Be(new CameraAssignment("cam-1", 1, AssignmentState.Starting, null));
    }

    private TestNode Track(TestNode node)
    {
        _disposables.Add(node);
        return node;
    }

    private Task<DateTime> HeartbeatAtAsync(string node) =>
        _database.ScalarAsync<DateTime>("SELECT heartbeat_at FROM nightjar_cluster.cluster_node WHERE node_id = $1 AND status <> 'dead'", node);
}
