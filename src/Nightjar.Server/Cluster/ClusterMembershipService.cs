using Nightjar.Cluster.Coordination;
using Nightjar.Server.Cli;

namespace Nightjar.Server.Cluster;

/// <summary>
/// Joins the cluster when the node starts (after the journal's migrations, before recording) and leaves it last
/// when the node stops, after its cameras were handed over and recording stopped. A node the coordinator declared
/// dead stops at once: another node records its cameras, and a new process (a new incarnation) may join.
/// </summary>
internal sealed partial class ClusterMembershipService(
    ClusterRuntime cluster,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ClusterMembershipService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ClusterSchema.MigrateAsync(cluster.DataSource, time, logger, cancellationToken);
        cluster.Membership.DeclaredDead += OnDeclaredDead;
        cluster.Membership.LeaseLost += () => LogLeaseLost(logger);
        cluster.Membership.LeaseRegained += () => LogLeaseRegained(logger);
        await cluster.Membership.JoinAsync(cancellationToken);
        LogJoined(logger, cluster.Identity.NodeId, cluster.Membership.Incarnation);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (cluster.Membership.Status == MembershipStatus.Dead)
        {
            return;
        }

        try
        {
            // Whatever the drain did not hand over fails over at once instead of after the lease expires.
            await cluster.Membership.MarkLeftAsync(cancellationToken);
            LogLeft(logger, cluster.Identity.NodeId, cluster.Membership.Incarnation);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogLeaveFailed(logger, error);
        }
    }

    private void OnDeclaredDead(string reason)
    {
        LogDeclaredDead(logger, cluster.Identity.NodeId, cluster.Membership.Incarnation, reason);
        Environment.ExitCode = ExitCodes.Failure;
        lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "Joined the cluster as {NodeId} incarnation {Incarnation}")]
    private static partial void LogJoined(ILogger logger, string nodeId, long incarnation);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Left the cluster: {NodeId} incarnation {Incarnation}")]
    private static partial void LogLeft(ILogger logger, string nodeId, long incarnation);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Warning, Message = "Could not mark this node as left; its lease will expire instead")]
    private static partial void LogLeaveFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Critical, Message = "This node ({NodeId} incarnation {Incarnation}) was declared dead ({Reason}): stopping")]
    private static partial void LogDeclaredDead(ILogger logger, string nodeId, long incarnation, string reason);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Warning, Message = "Cluster lease lost: the database has not confirmed this node in time; recording continues, writes are fenced by the database")]
    private static partial void LogLeaseLost(ILogger logger);

    [LoggerMessage(EventId = 2605, Level = LogLevel.Information, Message = "Cluster lease regained")]
    private static partial void LogLeaseRegained(ILogger logger);
}
