namespace Nightjar.Recording.Devices;

/// <summary>
/// Cancels a connection's token when no byte has arrived for a while. Armed at creation (so a device that accepts
/// the TCP connection and never answers is covered too), re-armed after every read, paused while we, not the
/// device, are the slow side.
/// </summary>
internal sealed class SilenceWatchdog : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly ITimer _timer;
    private readonly TimeSpan _timeout;
    private volatile bool _fired;

    public SilenceWatchdog(TimeProvider time, TimeSpan timeout, CancellationToken outer)
    {
        _timeout = timeout;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _timer = time.CreateTimer(static state => ((SilenceWatchdog)state!).Fire(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _cts.Token;

    /// <summary>True once the device stayed silent for the whole timeout.</summary>
    public bool Fired => _fired;

    public void Reset() => _timer.Change(_timeout, Timeout.InfiniteTimeSpan);

    public void Pause() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _timer.Dispose();
        _cts.Dispose();
    }

    private void Fire()
    {
        _fired = true;
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection ended at the same moment.
        }
    }
}
