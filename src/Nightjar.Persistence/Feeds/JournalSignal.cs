namespace Nightjar.Persistence.Feeds;

/// <summary>
/// A level-free "something may have been committed" hint for live feeds. A waiter takes <see cref="Current"/> BEFORE
/// it queries, so a pulse that lands between its query and its wait is not lost.
/// </summary>
internal sealed class JournalSignal
{
    private TaskCompletionSource _next = NewSource();

    public Task Current => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Waits for <paramref name="observed"/> to fire or <paramref name="pollInterval"/> to pass, whichever is first.</summary>
    public static async Task WaitAsync(Task observed, TimeSpan pollInterval, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(pollInterval, timeProvider, delayCancellation.Token);
        await Task.WhenAny(observed, delay);
        await delayCancellation.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
