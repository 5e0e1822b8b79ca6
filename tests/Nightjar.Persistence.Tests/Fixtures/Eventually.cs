using Nightjar.Persistence;

namespace Nightjar.Persistence.Tests.Fixtures;

/// <summary>Explicit wait points with hard deadlines: poll a condition in small steps, never sleep and hope.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static Task UntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), because, timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        var limit = timeout ?? DefaultTimeout;
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Timed out after {limit} waiting until {because}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Repeats a feed read until it returns at least <paramref name="count"/> events. On PostgreSQL a committed event
    /// becomes visible only when every older transaction on the server has ended (xids are server-wide, so tests in
    /// other databases count); once visible it stays visible, so what follows is stable.
    /// </summary>
    public static async Task<IReadOnlyList<JournalEvent>> VisibleAsync(Func<Task<IReadOnlyList<JournalEvent>>> read, int count)
    {
        IReadOnlyList<JournalEvent> events = [];
        await UntilAsync(async () => (events = await read()).Count >= count, $"{count} events are visible in the feed");
        return events;
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
