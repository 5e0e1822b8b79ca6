using System.Runtime.CompilerServices;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence.Backend;

namespace Nightjar.Persistence;

internal sealed partial class EventJournal
{
    public IAsyncEnumerable<JournalEvent> ReadEventsAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken)
    {
        JournalArguments.PersistenceId(persistenceId);
        JournalArguments.SequenceNr(fromSequenceNr, nameof(fromSequenceNr));
        JournalArguments.SequenceNr(toSequenceNr, nameof(toSequenceNr));
        ThrowIfDisposed();
        return ReadEventPagesAsync(persistenceId, Math.Max(fromSequenceNr, 1), toSequenceNr, cancellationToken);
    }

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        JournalArguments.PersistenceId(persistenceId);
        ThrowIfDisposed();
        return _backend.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);
    }

    public Task DeleteEventsAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        JournalArguments.PersistenceId(persistenceId);
        JournalArguments.SequenceNr(toSequenceNr, nameof(toSequenceNr));
        ThrowIfDisposed();
        return _backend.DeleteEventsAsync(persistenceId, toSequenceNr, cancellationToken);
    }

    public Task SaveSnapshotAsync(string persistenceId, long sequenceNr, object state, CancellationToken cancellationToken)
    {
        JournalArguments.PersistenceId(persistenceId);
        JournalArguments.SequenceNr(sequenceNr, nameof(sequenceNr));
        ArgumentNullException.ThrowIfNull(state);
        ThrowIfDisposed();
        var (typeName, json) = _serializer.Serialize(state);
        return _backend.SaveSnapshotAsync(persistenceId, sequenceNr, _timeProvider.GetUtcNow(), typeName, json, cancellationToken);
    }

    public async Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken)
    {
        JournalArguments.PersistenceId(persistenceId);
        ThrowIfDisposed();
        var row = await _backend.LoadLatestSnapshotAsync(persistenceId, cancellationToken);
        return row is null
            ? null
            : new StoredSnapshot(row.PersistenceId, row.SequenceNr, row.WrittenAt,
                _serializer.Deserialize(row.StateType, row.State, row.PersistenceId, row.SequenceNr));
    }

    public Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken)
    {
        JournalArguments.PersistenceId(persistenceId);
        JournalArguments.SequenceNr(beforeSequenceNr, nameof(beforeSequenceNr));
        ThrowIfDisposed();
        return _backend.DeleteSnapshotsAsync(persistenceId, beforeSequenceNr, cancellationToken);
    }

    public Task<IReadOnlyList<JournalEvent>> ReadByTagAsync(string tag, JournalOffset after, int limit, CancellationToken cancellationToken)
    {
        JournalArguments.Tag(tag);
        JournalArguments.Limit(limit);
        ThrowIfDisposed();
        return ReadFeedItemsAsync(tag, after, limit, cancellationToken);
    }

    public Task<IReadOnlyList<JournalEvent>> ReadAllAsync(JournalOffset after, int limit, CancellationToken cancellationToken)
    {
        JournalArguments.Limit(limit);
        ThrowIfDisposed();
        return ReadFeedItemsAsync(tag: null, after, limit, cancellationToken);
    }

    public IAsyncEnumerable<JournalEvent> SubscribeByTagAsync(string tag, JournalOffset after, CancellationToken cancellationToken)
    {
        JournalArguments.Tag(tag);
        return Subscribe(tag, after, cancellationToken);
    }

    public IAsyncEnumerable<JournalEvent> SubscribeAllAsync(JournalOffset after, CancellationToken cancellationToken) =>
        Subscribe(tag: null, after, cancellationToken);

    private IAsyncEnumerable<JournalEvent> Subscribe(string? tag, JournalOffset after, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (_options.UseDatabaseNotifications)
        {
            _backend.StartChangeNotifications(_signal.Pulse);
        }

        return _liveFeed.SubscribeAsync(tag, after, cancellationToken);
    }

    private async IAsyncEnumerable<JournalEvent> ReadEventPagesAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Pages rather than one open reader: a slow consumer (an actor replaying) must not pin a connection.
        var next = fromSequenceNr;
        while (next <= toSequenceNr)
        {
            var page = await _backend.ReadEventsAsync(persistenceId, next, toSequenceNr, _options.PageSize, cancellationToken);
            foreach (var row in page)
            {
                yield return ToEvent(row);
            }

            if (page.Count < _options.PageSize || page[^1].SequenceNr == long.MaxValue)
            {
                yield break;
            }

            next = page[^1].SequenceNr + 1;
        }
    }

    private async Task<IReadOnlyList<JournalEvent>> ReadFeedItemsAsync(string? tag, JournalOffset after, int limit, CancellationToken cancellationToken) =>
        (await ReadFeedAsync(tag, after, limit, cancellationToken)).Items;

    private async Task<FeedPage<JournalEvent>> ReadFeedAsync(string? tag, JournalOffset after, int limit, CancellationToken cancellationToken)
    {
        var page = await _backend.ReadFeedAsync(tag, after, limit, cancellationToken);
        Metrics.FeedRead(page.Items.Count, allEvents: tag is null);
        var events = new JournalEvent[page.Items.Count];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = ToEvent(page.Items[i]);
        }

        return new FeedPage<JournalEvent>(events, page.HeldBack);
    }

    private JournalEvent ToEvent(JournalRow row) =>
        new(row.Offset, row.PersistenceId, row.SequenceNr, row.WrittenAt, row.EventType,
            _serializer.Deserialize(row.EventType, row.Payload, row.PersistenceId, row.SequenceNr));
}
