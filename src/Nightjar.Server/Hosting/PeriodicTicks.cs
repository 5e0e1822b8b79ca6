namespace Nightjar.Server.Hosting;

/// <summary>The loop condition of a background service that works once per tick until the host stops it.</summary>
internal static class PeriodicTicks
{
    /// <summary>Waits for the next tick; false once the host stops (no exception for the normal way out).</summary>
    public static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
