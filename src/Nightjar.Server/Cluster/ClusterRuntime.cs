using Nightjar.Cluster.Coordination;
using Nightjar.Cluster.Placement;
using Nightjar.Server.Configuration;
using Nightjar.Server.Hosting;
using Npgsql;

namespace Nightjar.Server.Cluster;

/// <summary>
/// The cluster parts of one node that live as long as the process: its identity, the control-plane connection pool
/// (small, short timeouts, named so an operator sees it in pg_stat_activity), its membership and the shared read models.
/// </summary>
internal sealed class ClusterRuntime : IAsyncDisposable
{
    public ClusterRuntime(NightjarSettings settings, ClusterInstance instance, TimeProvider time, ILoggerFactory logs)
    {
        Timing = settings.Cluster.ToTiming();
        DataSource = ClusterDataSource.Create(settings.Database.ConnectionString!, settings.Node.Id, logs);
        Identity = new ClusterNodeIdentity(
            settings.Node.Id,
            instance.Id,
            settings.Node.GetPublicUrl(settings.Http),
            settings.Node.GetRtspUrl(settings.Rtsp),
            CapacityOf(settings.Node.Capacity),
            new Dictionary<string, string>(settings.Node.Labels, StringComparer.Ordinal),
            NightjarVersion.Short);
        Membership = new NodeMembership(DataSource, Identity, Timing, time, logs);
        Views = new ClusterViews(DataSource);
        Assignments = new AssignmentStore(DataSource, Membership);
    }

    /// <summary>What a node declares when Node:Capacity leaves a dimension at 0 ("not declared").</summary>
    public static NodeCapacity DefaultCapacity { get; } = new(1_000, 256, null);

    public NpgsqlDataSource DataSource { get; }

    public ClusterTiming Timing { get; }

    public ClusterNodeIdentity Identity { get; }

    public NodeMembership Membership { get; }

    public ClusterViews Views { get; }

    public AssignmentStore Assignments { get; }

    public static NodeCapacity CapacityOf(NodeCapacityOptions options) => new(
        options.IngestMbps > 0 ? options.IngestMbps : DefaultCapacity.IngestMbps,
        options.Cameras > 0 ? options.Cameras : DefaultCapacity.Cameras,
        options.StorageGb > 0 ? (long)(options.StorageGb * 1_000_000_000) : null);

    public async ValueTask DisposeAsync()
    {
        // A node that joined but did not get through start-up (a port in use) must not be given cameras until its
        // lease runs out: it leaves now. A node that stopped normally has left already.
        if (Membership.Status is MembershipStatus.Joining or MembershipStatus.Active or MembershipStatus.Leaving && Membership.Incarnation > 0)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await Membership.MarkLeftAsync(timeout.Token);
            }
            catch (Exception error) when (error is NpgsqlException or OperationCanceledException or InvalidOperationException)
            {
                // The lease expires instead.
            }
        }

        await Membership.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
