using Nightjar.Recording.Devices;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Devices;

/// <summary>
/// Keeps device event sources in step with the camera registry: the registry is an immutable snapshot replaced on
/// every change, so comparing it once a second is cheap and needs no hook into the recording engine.
/// </summary>
internal sealed partial class DeviceEventsService(
    DeviceEventSupervisor supervisor,
    ICameraManager cameras,
    TimeProvider timeProvider,
    ILogger<DeviceEventsService> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Close device connections with the host, not at container disposal, so shutdown logs show them stop.
        await supervisor.DisposeAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, timeProvider);
        do
        {
            try
            {
                supervisor.Apply(cameras.Registry);
            }
#pragma warning disable CA1031 // One bad registry snapshot must not end event sources for the life of the node.
            catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException)
#pragma warning restore CA1031
            {
                LogApplyFailed(logger, ex);
            }
        }
        while (await PeriodicTicks.NextAsync(timer, stoppingToken));
    }


    [LoggerMessage(EventId = 6590, Level = LogLevel.Error, Message = "Applying the camera registry to device event sources failed")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception);
}
