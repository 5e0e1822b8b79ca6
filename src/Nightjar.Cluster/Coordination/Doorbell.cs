namespace Nightjar.Cluster.Coordination;

/// <summary>Wakes a periodic loop early; rings coalesce until the loop waits again.</summary>
internal sealed class Doorbell
{
    private TaskCompletionSource _bell = NewBell();

    public void Ring() => Volatile.Read(ref _bell).TrySetResult();

    /// <summary>Waits for <paramref name="interval"/> or a ring, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        var bell = Volatile.Read(ref _bell);
        if (!bell.Task.IsCompleted)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var delay = Task.Delay(interval, time, timeout.Token);
            await Task.WhenAny(delay, bell.Task);
            await timeout.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }

        // Only a ring that woke (or will wake) this wait is consumed; an unrung bell stays for the next wait.
        if (bell.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _bell, NewBell(), bell);
        }
    }

    private static TaskCompletionSource NewBell() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
