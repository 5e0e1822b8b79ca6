using Nightjar.Actors.Persistence;
using Nightjar.Persistence;

namespace Nightjar.Recording.Tests.Protection;

/// <summary>
/// A journal whose tag feed stops before a given ordering, as PostgreSQL's does while an older transaction is still
/// committing; everything else goes to the real journal.
/// </summary>
internal sealed class HoldingBackJournal(IEventJournal inner) : IEventJournal
{
    /// <summary>Feed reads show no event at or after this ordering; null shows everything.</summary>
    public long? HoldBackFrom { get; set; }

    public string Backend => inner.Backend;

    public async Task<IReadOnlyList<JournalEvent>> ReadByTagAsync(string tag, JournalOffset after, int limit, CancellationToken cancellationToken)
    {
        var page = await inner.ReadByTagAsync(tag, after, limit, cancellationToken);
        return HoldBackFrom is { } from ? [.. page.TakeWhile(e => e.Offset.Ordering < from)] : page;
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

    public Task<JournalHealth> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);

    public Task<long> AppendAsync(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventToPersist> events, CancellationToken cancellationToken) =>
        inner.AppendAsync(persistenceId, expectedSequenceNr, events, cancellationToken);

    public IAsyncEnumerable<JournalEvent> ReadEventsAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken) =>
        inner.ReadEventsAsync(persistenceId, fromSequenceNr, toSequenceNr, cancellationToken);

    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) =>
        inner.ReadHighestSequenceNrAsync(persistenceId, cancellationToken);

    public Task DeleteEventsAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        inner.DeleteEventsAsync(persistenceId, toSequenceNr, cancellationToken);

    public Task SaveSnapshotAsync(string persistenceId, long sequenceNr, object state, CancellationToken cancellationToken) =>
        inner.SaveSnapshotAsync(persistenceId, sequenceNr, state, cancellationToken);

    public Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken) =>
        inner.LoadLatestSnapshotAsync(persistenceId, cancellationToken);

    public Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken) =>
        inner.DeleteSnapshotsAsync(persistenceId, beforeSequenceNr, cancellationToken);

    public Task<IReadOnlyList<JournalEvent>> ReadAllAsync(JournalOffset after, int limit, CancellationToken cancellationToken) =>
        inner.ReadAllAsync(after, limit, cancellationToken);

    public IAsyncEnumerable<JournalEvent> SubscribeByTagAsync(string tag, JournalOffset after, CancellationToken cancellationToken) =>
        inner.SubscribeByTagAsync(tag, after, cancellationToken);

    public IAsyncEnumerable<JournalEvent> SubscribeAllAsync(JournalOffset after, CancellationToken cancellationToken) =>
        inner.SubscribeAllAsync(after, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
