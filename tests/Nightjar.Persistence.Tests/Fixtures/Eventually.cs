using Nightjar.Persistence;

namespace Nightjar.Persistence.Tests.Fixtures;

/// <summary>Explicit wait points with hard deadlines: poll a condition in small steps, never sleep and hope.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task UntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        var limit = timeout ?? DefaultTimeout;
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Timed out after {limit} waiting until {because}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Reads <paramref name="count"/> events from a live feed, or fails after the deadline saying how many came.</summary>
    public static async Task<List<JournalEvent>> TakeAsync(IAsyncEnumerable<JournalEvent> feed, int count, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        var events = new List<JournalEvent>(count);
        try
        {
            await foreach (var journalEvent in feed.WithCancellation(deadline.Token))
            {
                events.Add(journalEvent);
                if (events.Count == count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The live feed delivered {events.Count} of {count} events within {limit}.");
        }

        return events;
    }
}
