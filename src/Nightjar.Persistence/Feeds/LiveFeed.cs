using System.Runtime.CompilerServices;
using Nightjar.Persistence.Backend;

namespace Nightjar.Persistence.Feeds;

/// <summary>
/// Turns the finite feed query into an endless subscription: read a page, deliver it, and when caught up wait for a
/// commit hint or the poll interval. Polling is the guarantee; hints only cut latency. While committed events wait
/// behind an older running transaction, it re-polls with a short backoff: the end of that transaction may send no hint.
/// </summary>
internal sealed class LiveFeed(
    Func<string?, JournalOffset, int, CancellationToken, Task<FeedPage<JournalEvent>>> readPage,
    JournalSignal signal,
    TimeProvider timeProvider,
    TimeSpan pollInterval,
    int pageSize)
{
    private static readonly TimeSpan FirstHeldBackDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxHeldBackDelay = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<JournalEvent> SubscribeAsync(
        string? tag,
        JournalOffset after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = after;
        var heldBackDelay = FirstHeldBackDelay;
        while (true)
        {
            var hint = signal.Current;
            var page = await readPage(tag, offset, pageSize, cancellationToken);
            foreach (var journalEvent in page.Items)
            {
                offset = journalEvent.Offset;
                yield return journalEvent;
            }

            if (page.Items.Count == pageSize)
            {
                continue;
            }

            if (page.HeldBack)
            {
                await JournalSignal.WaitAsync(hint, Min(heldBackDelay, pollInterval), timeProvider, cancellationToken);
                heldBackDelay = Min(heldBackDelay * 2, MaxHeldBackDelay);
            }
            else
            {
                heldBackDelay = FirstHeldBackDelay;
                await JournalSignal.WaitAsync(hint, pollInterval, timeProvider, cancellationToken);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
