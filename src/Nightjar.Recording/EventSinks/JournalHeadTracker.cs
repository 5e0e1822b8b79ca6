using Nightjar.Persistence;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// The newest journal event this node has seen, for the sinks' lag. It follows the all-events feed from the first
/// position a worker reports (never from the start of a long journal), and every worker's reads push it forward too.
/// </summary>
internal sealed class JournalHeadTracker(IEventJournal journal, TimeProvider timeProvider) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Task _follow = Task.CompletedTask;
    private bool _started;
    private JournalOffset _head;

    public JournalOffset Head
    {
        get
        {
            lock (_lock)
            {
                return _head;
            }
        }
    }

    public void Observe(JournalOffset offset)
    {
        lock (_lock)
        {
            if (offset > _head)
            {
                _head = offset;
            }
        }
    }

    /// <summary>Starts following the feed after <paramref name="from"/> (the first call only).</summary>
    public void EnsureStarted(JournalOffset from)
    {
        Observe(from);
        lock (_lock)
        {
            if (_started)
            {
                return;
            }

            _started = true;
            _follow = Task.Run(() => FollowAsync(from, _stop.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _follow;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task FollowAsync(JournalOffset from, CancellationToken cancellationToken)
    {
        // Lag is a diagnostic: a failing read retries quietly (workers report their own journal errors).
        var position = from;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var journalEvent in journal.SubscribeAllAsync(position, cancellationToken))
                {
                    position = journalEvent.Offset;
                    Observe(position);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), timeProvider, cancellationToken);
            }
        }
    }
}
