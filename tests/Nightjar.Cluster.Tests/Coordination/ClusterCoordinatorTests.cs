using Nightjar.Cluster.Coordination;

namespace Nightjar.Cluster.Tests.Coordination;

public sealed class ClusterCoordinatorTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private ClusterDatabase _database = null!;
    private readonly List<TestNode> _nodes = [];
    private readonly CameraRegistry _cameras = new();

    public async Task InitializeAsync() => _database = await ClusterDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task InitialPlacement_UnevenCapacity_FollowsCapacityAndEveryCameraRecords()
    {
        await StartAsync("a", mbps: 200);
        await StartAsync("b", mbps: 100);
        await StartAsync("c", mbps: 100);

        await AllActiveAsync(24);

        var counts = await CamerasPerNodeAsync();
        counts["a"].Should().Be(12, "a has twice the ingest capacity of b and c");
        counts["b"].Should().Be(6);
        counts["c"].Should().Be(6);
        _nodes.Sum(n => n.Agent!.Recording.Count).Should().Be(24);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_epoch WHERE reason = 'initial'")).Should().Be(24);
    }

    [Fact]
    public async Task ColdStart_CamerasKnownBeforeTheNodesJoin_SpreadOverEveryNodeFromTheFirstPlacement()
    {
        // A whole site restarting: the cameras are in the registry before any node is up, and the nodes come one by one.
        var timing = TestTimings.Fast with { ColdStartSettle = TimeSpan.FromSeconds(3) };
        _cameras.Set(Clusters.Cameras(12, mbps: 4));
        await StartAsync("a", timing: timing);
        await StartAsync("b", timing: timing);
        await StartAsync("c", timing: timing);

        await Eventually.UntilAsync(async () => await ActiveCountAsync() == 12, "12 cameras record", Deadline);

        (await CamerasPerNodeAsync()).Should().BeEquivalentTo(new Dictionary<string, long> { ["a"] = 4, ["b"] = 4, ["c"] = 4 }, "equal nodes share from the start");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_epoch WHERE reason <> 'initial'")).Should().Be(0, "nothing had to be moved afterwards");
    }

    [Fact]
    public async Task Failover_NodeStopsHeartbeating_ItsCamerasRecordElsewhereWithoutOverlap()
    {
        await StartAsync("a");
        await StartAsync("b");
        var c = await StartAsync("c");
        await AllActiveAsync(24);
        var victim = _nodes.First(n => !n.Coordinator!.IsLeader);
        var lost = (await CamerasPerNodeAsync())[victim.NodeId];
        using var metrics = new MetricCapture();

        await victim.CrashAsync();
        _nodes.Remove(victim);

        await Eventually.UntilAsync(async () => (await CamerasPerNodeAsync()).GetValueOrDefault(victim.NodeId) == 0
            && await ActiveCountAsync() == 24, "the dead node's cameras record elsewhere", Deadline);
        (await _database.ScalarAsync<string>("SELECT dead_reason FROM nightjar_cluster.cluster_node WHERE node_id = $1", victim.NodeId))
            .Should().Be("lease expired");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_epoch WHERE reason = 'failover'")).Should().Be(lost);
        await EpochTimeline.AssertContiguousAsync(_database);
        // From the dead node's last heartbeat to recording elsewhere: at least the lease and the grace, in DB time.
        metrics.Values("nightjar.cluster.failover.duration").Should().HaveCountGreaterThanOrEqualTo((int)lost)
            .And.Contain(v => v >= (TestTimings.Fast.LeaseTtl + TestTimings.Fast.TakeoverGrace).TotalSeconds && v < Deadline.TotalSeconds);
        metrics.Values("nightjar.cluster.moves", "reason", "failover").Sum().Should().BeGreaterThanOrEqualTo(lost);
        c.Membership.MembershipVersion.Should().BeGreaterThanOrEqualTo(4, "three joins, three activations, one death");
    }

    [Fact]
    public async Task Drain_NodeLeaves_EverythingMovesThroughTheReleaseProtocol()
    {
        await StartAsync("a");
        await StartAsync("b");
        var leaving = await StartAsync("c");
        await AllActiveAsync(24);
        var owned = (await CamerasPerNodeAsync())["c"];
        using var metrics = new MetricCapture();

        await leaving.Membership.LeaveAsync(CancellationToken.None);

        await Eventually.UntilAsync(async () => (await CamerasPerNodeAsync()).GetValueOrDefault("c") == 0 && await ActiveCountAsync() == 24,
            "the leaving node's cameras all moved", Deadline);
        leaving.Agent!.Releases.Should().Be((int)owned);
        leaving.Agent.Recording.Should().BeEmpty();
        (await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_epoch WHERE reason = 'drain'")).Should().Be(owned);
        metrics.Values("nightjar.cluster.handoff.duration").Should().HaveCountGreaterThanOrEqualTo((int)owned).And.OnlyContain(v => v >= 0);
        metrics.Values("nightjar.cluster.moves", "reason", "drain").Sum().Should().BeGreaterThanOrEqualTo(owned);
        metrics.Collect();
        metrics.Values("nightjar.cluster.node.utilization", "node", "a").Should().NotBeEmpty();
        await EpochTimeline.AssertContiguousAsync(_database);
    }

    [Fact]
    public async Task Join_FourthNode_ReceivesCamerasInBoundedSteps()
    {
        var timing = TestTimings.Fast with
        {
            MaxReleasesInFlight = 2,
            Rules = PlacementRules.Default with { MaxRebalanceMovesPerRound = 2, RebalanceCooldown = TimeSpan.Zero },
        };
        await StartAsync("a", timing: timing);
        await StartAsync("b", timing: timing);
        await StartAsync("c", timing: timing);
        await AllActiveAsync(24);

        // Every write to the assignments records how many releases are in flight right after it.
        await _database.ScalarAsync<int>("""
            CREATE TABLE releasing_probe (in_flight bigint NOT NULL);
            CREATE FUNCTION probe_releasing() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO releasing_probe SELECT count(*) FROM nightjar_cluster.camera_assignment WHERE state = 'releasing';
              RETURN NULL;
            END $$;
            CREATE TRIGGER probe AFTER UPDATE ON nightjar_cluster.camera_assignment FOR EACH STATEMENT EXECUTE FUNCTION probe_releasing();
            SELECT 1;
            """);

        var d = await StartAsync("d", timing: timing);
        await Eventually.UntilAsync(async () => (await CamerasPerNodeAsync()).GetValueOrDefault("d") >= 5 && await ActiveCountAsync() == 24,
            "the new node fills up", Deadline);

        (await _database.ScalarAsync<long>("SELECT max(in_flight) FROM releasing_probe")).Should().BeInRange(1, 2, "at most MaxReleasesInFlight releases run at once");
        d.Agent!.Recording.Count.Should().BeGreaterThanOrEqualTo(5);
        (await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_epoch WHERE reason = 'rebalance'")).Should().BeGreaterThanOrEqualTo(5);
        await EpochTimeline.AssertContiguousAsync(_database);
    }

    [Fact]
    public async Task MassExpiry_MostNodesExpireAtOnce_DeathIsHeldOneTickThenDeclared()
    {
        var logs = new CapturingLoggerFactory();
        var leader = await StartAsync("a", logs: logs);
        await Eventually.UntilAsync(() => leader.Coordinator!.IsLeader, "a leads", Deadline);
        var b = await StartAsync("b");
        var c = await StartAsync("c");
        await AllActiveAsync(24);

        await Task.WhenAll(b.CrashAsync(), c.CrashAsync());
        _nodes.Remove(b);
        _nodes.Remove(c);
        // Their last heartbeats differ by up to a renew interval; expire both at the same instant, as a cut would.
        await _database.ScalarAsync<long>("""
            WITH expired AS (
                UPDATE nightjar_cluster.cluster_node SET lease_expires_at = now() - interval '1 minute'
                 WHERE node_id IN ('b', 'c') RETURNING 1)
            SELECT count(*) FROM expired
            """);

        await Eventually.UntilAsync(async () => await _database.ScalarAsync<long>(
            "SELECT count(*) FROM nightjar_cluster.cluster_node WHERE status = 'dead'") == 2, "both are declared dead", Deadline);
        logs.Logged(7024).Should().BeTrue("two of three expiring at once is held for a tick first");
        var held = logs.Entries.ToList().FindIndex(e => e.EventId == 7024);
        var declared = logs.Entries.ToList().FindIndex(e => e.EventId == 7025);
        held.Should().BeLessThan(declared);
        await Eventually.UntilAsync(async () => (await CamerasPerNodeAsync()).GetValueOrDefault("a") == 24 && await ActiveCountAsync() == 24,
            "the survivor records everything", Deadline);
    }

    [Fact]
    public async Task SessionsTerminated_AllAtOnce_NobodyIsDeclaredDead()
    {
        await StartAsync("a");
        await StartAsync("b");
        await StartAsync("c");
        await AllActiveAsync(24);

        await _database.ScalarAsync<long>("""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()
            """);

        await Eventually.AlwaysAsync(async () => await _database.ScalarAsync<long>(
            "SELECT count(*) FROM nightjar_cluster.cluster_node WHERE status = 'dead'") == 0,
            "reconnecting nodes renew before anyone could be declared dead", TestTimings.Fast.LeaseTtl * 2);
        _nodes.Should().OnlyContain(n => n.Membership.HoldsLease);
        await Eventually.UntilAsync(() => _nodes.Count(n => n.Coordinator!.IsLeader) == 1, "a coordinator leads again", Deadline);
        (await ActiveCountAsync()).Should().Be(24);
    }

    [Fact]
    public async Task CameraRemoved_FromTheRegistry_IsUnassignedAndItsEpochClosed()
    {
        await StartAsync("a");
        await AllActiveAsync(24);

        _cameras.Set(Clusters.Cameras(23, mbps: 4));
        _nodes[0].Coordinator!.Poke();

        await Eventually.UntilAsync(async () => await _database.ScalarAsync<long>(
            "SELECT count(*) FROM nightjar_cluster.camera_assignment") == 23, "the removed camera is unassigned", Deadline);
        (await _database.ScalarAsync<bool>("SELECT valid_to IS NOT NULL FROM nightjar_cluster.camera_epoch WHERE camera_id = 'cam-0023'")).Should().BeTrue();
        await Eventually.UntilAsync(() => !_nodes[0].Agent!.Recording.Contains("cam-0023"), "the node stops the camera", Deadline);
    }

    [Fact]
    public async Task StartNeverAcknowledged_AfterTheStartTimeout_TheCameraGoesElsewhere()
    {
        var timing = TestTimings.Fast with { StartAckTimeout = TimeSpan.FromSeconds(1) };
        _cameras.Set([new PlacementCamera("cam-x", 4)]);
        var mute = await StartAsync("a", timing: timing);
        mute.Agent!.AcknowledgeStarts = false;
        await Eventually.UntilAsync(async () => await _database.ScalarAsync<long>(
            "SELECT count(*) FROM nightjar_cluster.camera_assignment WHERE state = 'starting'") == 1, "the camera is assigned", Deadline);
        await StartAsync("b", timing: timing);

        await Eventually.UntilAsync(async () => await ActiveCountAsync() == 1, "another node records the camera", Deadline);

        (await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_epoch WHERE reason = 'start timeout'")).Should().BeGreaterThan(0);
        (await CamerasPerNodeAsync()).Should().Equal(new Dictionary<string, long> { ["b"] = 1 });
    }

    [Fact]
    public async Task Views_ReadNodesAndAssignments_ShowLoadsAndTheCoordinator()
    {
        await StartAsync("a", mbps: 200);
        await StartAsync("b", mbps: 100);
        await AllActiveAsync(24);
        var views = new ClusterViews(_database.Admin);

        var nodes = await views.ReadNodesAsync(CancellationToken.None);
        var assignments = await views.ReadAssignmentsAsync(CancellationToken.None);

        nodes.Select(n => n.NodeId).Should().Equal("a", "b");
        nodes.Sum(n => n.LoadCameras).Should().Be(24);
        nodes.Should().ContainSingle(n => n.IsCoordinator);
        nodes.Single(n => n.NodeId == "a").Cameras.Should().HaveCount(16);
        nodes.Single(n => n.NodeId == "a").Utilization.Should().BeApproximately(0.16, 0.001, "16 of 100 camera slots is the dominant share");
        assignments.Should().HaveCount(24).And.OnlyContain(a => a.State == "active" && a.Epoch == 1 && a.Reason == "initial");
        (await views.RequestDrainAsync("b", CancellationToken.None)).Should().Be(DrainRequestResult.Accepted);
        (await views.RequestDrainAsync("b", CancellationToken.None)).Should().Be(DrainRequestResult.AlreadyLeaving);
        (await views.RequestDrainAsync("nope", CancellationToken.None)).Should().Be(DrainRequestResult.NotFound);
    }

    private async Task<TestNode> StartAsync(string id, double mbps = 100, ClusterTiming? timing = null, CapturingLoggerFactory? logs = null)
    {
        var node = await TestNode.StartAsync(_database, TestNode.Identity(id, mbps), _cameras, timing, logs: logs);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Registers <paramref name="count"/> cameras once every node is up (else the first node takes them all) and waits until they record.</summary>
    private async Task AllActiveAsync(int count)
    {
        if ((await _cameras.ReadAsync(CancellationToken.None)).Count == 0)
        {
            _cameras.Set(Clusters.Cameras(count, mbps: 4));
            _nodes.ForEach(n => n.Coordinator!.Poke());
        }

        await Eventually.UntilAsync(async () => await ActiveCountAsync() == count, $"{count} cameras record", Deadline);
    }

    private Task<long> ActiveCountAsync() =>
        _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_assignment WHERE state = 'active'");

    private async Task<Dictionary<string, long>> CamerasPerNodeAsync()
    {
        var rows = await _database.RowsAsync("""
            SELECT owner_node, count(*) FROM nightjar_cluster.camera_assignment WHERE owner_node IS NOT NULL GROUP BY owner_node
            """);
        return rows.ToDictionary(r => (string)r[0], r => (long)r[1]);
    }
}
