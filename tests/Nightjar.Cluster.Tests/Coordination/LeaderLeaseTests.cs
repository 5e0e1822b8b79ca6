using Nightjar.Cluster.Coordination;
using Npgsql;

namespace Nightjar.Cluster.Tests.Coordination;

public sealed class LeaderLeaseTests : IAsyncLifetime
{
    private ClusterDatabase _database = null!;
    private readonly List<TestNode> _nodes = [];

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
    public async Task Coordinators_ThreeCandidates_ExactlyOneLeadsAndTheDatabaseAgrees()
    {
        var cameras = new CameraRegistry();
        foreach (var id in new[] { "a", "b", "c" })
        {
            _nodes.Add(await TestNode.StartAsync(_database, TestNode.Identity(id), cameras));
        }

        await Eventually.UntilAsync(() => _nodes.Any(n => n.Coordinator!.IsLeader), "a coordinator is elected", TimeSpan.FromSeconds(5));

        await Eventually.AlwaysAsync(async () =>
        {
            var leaders = _nodes.Where(n => n.Coordinator!.IsLeader).ToList();
            if (leaders.Count != 1)
            {
                return false;
            }

            var holder = await _database.ScalarAsync<string>("SELECT holder_node FROM nightjar_cluster.cluster_leader");
            return holder == leaders[0].NodeId;
        }, "exactly one node leads, the one the leader row names", TimeSpan.FromSeconds(1.5));
        (await _database.ScalarAsync<long>("SELECT term FROM nightjar_cluster.cluster_leader")).Should().Be(1);
    }

    [Fact]
    public async Task AssertLeader_AfterANewTerm_RefusesTheOldTermsWrites()
    {
        var a = await Start("a");
        var b = await Start("b");
        var oldTerm = (await LeaderCalls.AcquireAsync(_database, a.Membership))!.Value;
        await _database.ScalarAsync<bool>("SELECT nightjar_cluster.leader_release('a', $1, $2)", a.Membership.Incarnation, oldTerm);
        var newTerm = (await LeaderCalls.AcquireAsync(_database, b.Membership))!.Value;

        var act = () => LeaderCalls.AssignAsync(_database, a.Membership, oldTerm, "cam-1", 0, a.Membership);

        newTerm.Should().Be(oldTerm + 1);
        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be("NJL01");
        (await _database.ScalarAsync<long>("SELECT count(*) FROM nightjar_cluster.camera_assignment")).Should().Be(0);
        (await LeaderCalls.AssignAsync(_database, b.Membership, newTerm, "cam-1", 0, a.Membership)).Should().Be(1);
    }

    [Fact]
    public async Task LeaderAcquire_WhileTheLeaseIsValid_IsRefused()
    {
        var a = await Start("a");
        var b = await Start("b");
        (await LeaderCalls.AcquireAsync(_database, a.Membership)).Should().Be(1);

        (await LeaderCalls.AcquireAsync(_database, b.Membership)).Should().BeNull();
    }

    [Fact]
    public async Task Coordinator_LeaderCrashes_AnotherTakesOverWithANewTermAfterTheLease()
    {
        var cameras = new CameraRegistry();
        var a = await TestNode.StartAsync(_database, TestNode.Identity("a"), cameras);
        await Eventually.UntilAsync(() => a.Coordinator!.IsLeader, "a leads", TimeSpan.FromSeconds(5));
        _nodes.Add(await TestNode.StartAsync(_database, TestNode.Identity("b"), cameras));
        var b = _nodes[^1];

        await a.CrashAsync();
        b.Coordinator!.IsLeader.Should().BeFalse();

        await Eventually.UntilAsync(() => b.Coordinator!.IsLeader, "b takes over after the lease and the grace", TimeSpan.FromSeconds(10));
        b.Coordinator!.Term.Should().Be(2);
        // The crashed node is declared dead once the new leader's warm-up has passed.
        await Eventually.UntilAsync(async () => await _database.ScalarAsync<string>(
            "SELECT status FROM nightjar_cluster.cluster_node WHERE node_id = 'a'") == "dead", "a is declared dead", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Coordinator_LeaderCutOffFromTheDatabase_StepsDownAndAnotherLeadsWithANewTerm()
    {
        var cameras = new CameraRegistry();
        var server = new NpgsqlConnectionStringBuilder(_database.ConnectionString);
        await using var proxy = new TcpProxy(server.Host!, server.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
        var a = TestNode.Create(_database, TestNode.Identity("a"), db: _database.CreateDataSource("a-via-proxy", viaProxy));
        _nodes.Add(a);
        await a.Membership.JoinAsync(CancellationToken.None);
        var coordinator = new ClusterCoordinator(a.Db, a.Membership, TestTimings.Fast, cameras.ReadAsync, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await using var _ = coordinator;
        await coordinator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => coordinator.IsLeader, "a leads", TimeSpan.FromSeconds(5));
        var b = await TestNode.StartAsync(_database, TestNode.Identity("b"), cameras);
        _nodes.Add(b);

        proxy.Break();

        await Eventually.UntilAsync(() => !coordinator.IsLeader, "the cut-off leader stops coordinating", TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => b.Coordinator!.IsLeader, "b takes over", TimeSpan.FromSeconds(10));
        b.Coordinator!.Term.Should().Be(coordinator.Term + 1);
        coordinator.IsLeader.Should().BeFalse();
    }

    private async Task<TestNode> Start(string id)
    {
        var node = await TestNode.StartAsync(_database, TestNode.Identity(id), agent: false);
        _nodes.Add(node);
        return node;
    }
}
