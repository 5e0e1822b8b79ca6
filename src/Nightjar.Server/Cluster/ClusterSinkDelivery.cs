using Nightjar.Recording.EventSinks;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Cluster;

/// <summary>
/// Event sinks deliver from one node of the cluster, the coordinator's: every node running the workers would POST each
/// event once per node. Leadership is read once a second; a node that lost it stops its workers before another can
/// take it over (the lease's self-fence comes first), so two nodes never deliver at once for longer than one POST.
/// </summary>
internal sealed partial class ClusterSinkDelivery(
    EventSinkSupervisor sinks,
    ClusterAgentService agent,
    TimeProvider time,
    ILogger<ClusterSinkDelivery> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        do
        {
            try
            {
                await sinks.SetDeliveringAsync(agent.Coordinator?.IsLeader == true);
            }
#pragma warning disable CA1031 // A failed switch (the journal unreachable) is retried at the next tick.
            catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException)
#pragma warning restore CA1031
            {
                LogSwitchFailed(logger, ex);
            }
        }
        while (await PeriodicTicks.NextAsync(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await sinks.SetDeliveringAsync(false);
    }


    [LoggerMessage(EventId = 2620, Level = LogLevel.Warning, Message = "Switching event sink delivery failed; retrying")]
    private static partial void LogSwitchFailed(ILogger logger, Exception exception);
}
