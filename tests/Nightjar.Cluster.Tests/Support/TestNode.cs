using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Cluster.Coordination;
using Npgsql;

namespace Nightjar.Cluster.Tests.Support;

/// <summary>One in-process cluster node: membership, coordinator candidate and a fake recording agent.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private TestNode(string nodeId, NpgsqlDataSource db, NodeMembership membership)
    {
        NodeId = nodeId;
        Db = db;
        Membership = membership;
        Store = new AssignmentStore(db, membership);
    }

    public string NodeId { get; }

    public NpgsqlDataSource Db { get; }

    public NodeMembership Membership { get; }

    public AssignmentStore Store { get; }

    public ClusterCoordinator? Coordinator { get; private set; }

    public FakeAgent? Agent { get; private set; }

    public static ClusterNodeIdentity Identity(string nodeId, double mbps = 100, int cameras = 100, IReadOnlyDictionary<string, string>? labels = null) =>
        new(nodeId, Guid.NewGuid(), new Uri($"http://127.0.0.1:1/{nodeId}"), new Uri($"rtsp://127.0.0.1:2/{nodeId}"),
            new NodeCapacity(mbps, cameras, null), labels ?? new Dictionary<string, string>(), "test");

    /// <summary>Creates the membership without joining.</summary>
    public static TestNode Create(ClusterDatabase database, ClusterNodeIdentity identity, ClusterTiming? timing = null, NpgsqlDataSource? db = null)
    {
        db ??= database.CreateDataSource($"nightjar-ctl-{identity.NodeId}");
        var membership = new NodeMembership(db, identity, timing ?? TestTimings.Fast, TimeProvider.System, NullLoggerFactory.Instance);
        return new TestNode(identity.NodeId, db, membership);
    }

    /// <summary>Joins, and starts the agent and the coordinator candidate when <paramref name="cameras"/> is given.</summary>
    public static async Task<TestNode> StartAsync(ClusterDatabase database, ClusterNodeIdentity identity, CameraRegistry? cameras = null,
        ClusterTiming? timing = null, bool agent = true, Microsoft.Extensions.Logging.ILoggerFactory? logs = null)
    {
        var node = Create(database, identity, timing);
        await node.Membership.JoinAsync(CancellationToken.None);
        if (agent)
        {
            node.Agent = new FakeAgent(node.Membership, node.Store);
        }

        if (cameras is not null)
        {
            node.Coordinator = new ClusterCoordinator(node.Db, node.Membership, timing ?? TestTimings.Fast, cameras.ReadAsync,
                TimeProvider.System, logs ?? NullLoggerFactory.Instance);
            await node.Coordinator.StartAsync(CancellationToken.None);
        }

        return node;
    }

    /// <summary>Stops everything without leaving, as a crashed process would.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Coordinator is not null)
        {
            await Coordinator.DisposeAsync();
        }

        if (Agent is not null)
        {
            await Agent.DisposeAsync();
        }

        await Membership.DisposeAsync();
    }

    /// <summary>A crash: the coordinator stops without releasing its lease, heartbeats stop.</summary>
    public async Task CrashAsync()
    {
        if (Agent is not null)
        {
            await Agent.DisposeAsync();
        }

        if (Coordinator is not null)
        {
            await Coordinator.AbandonAsync();
        }

        await Membership.DisposeAsync();
    }
}
