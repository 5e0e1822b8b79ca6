using Nightjar.Persistence;

namespace Nightjar.Recording.EventFeed;

/// <summary>Pages of published events read from the journal's all-events feed.</summary>
public static class EventHistory
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    /// <summary>Most journal events one page examines: a filter that matches rarely ends a page early instead of scanning the whole journal.</summary>
    public const int DefaultScanBudget = 10_000;

    private const int ReadSize = 500;

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/> that pass <paramref name="filter"/>. Stops
    /// at the end of the journal or after <paramref name="scanBudget"/> events: a page may then hold fewer events
    /// (even none) while more exist, and <see cref="EventPage.Next"/> continues where it stopped.
    /// </summary>
    public static async Task<EventPage> ReadPageAsync(
        IEventJournal journal,
        JournalOffset after,
        FeedEventFilter filter,
        int limit,
        int scanBudget,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scanBudget, 1);

        var events = new List<FeedEvent>(Math.Min(limit, 128));
        var next = after;
        var scanned = 0;
        while (events.Count < limit && scanned < scanBudget)
        {
            var requested = Math.Min(ReadSize, scanBudget - scanned);
            var batch = await journal.ReadAllAsync(next, requested, cancellationToken);
            foreach (var journalEvent in batch)
            {
                scanned++;
                next = journalEvent.Offset;
                // The type and camera are known before the payload is built: skip without allocating.
                if (FeedEventMapper.TypeOf(journalEvent.Payload) is { } type
                    && filter.Matches(type, FeedEventMapper.CameraOf(journalEvent.Payload)))
                {
                    events.Add(FeedEventMapper.Map(journalEvent)!);
                    if (events.Count == limit)
                    {
                        break;
                    }
                }
            }

            if (batch.Count < requested)
            {
                // The end of the journal (for now).
                break;
            }
        }

        return new EventPage(events, next, scanned);
    }
}
