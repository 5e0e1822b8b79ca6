using System.Runtime.CompilerServices;
using Nightjar.Actors.Persistence;

namespace Nightjar.Persistence;

/// <summary>The actor runtime's <see cref="IEventStore"/> over an <see cref="IEventJournal"/>: tags come from <see cref="EventToPersist.Tags"/>.</summary>
public sealed class JournalEventStore(IEventJournal journal) : IEventStore
{
    public Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken) =>
        journal.LoadLatestSnapshotAsync(persistenceId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        Map(journal.ReadEventsAsync(persistenceId, fromSequenceNr, long.MaxValue, cancellationToken), cancellationToken);

    public Task AppendAsync(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventToPersist> events, CancellationToken cancellationToken) =>
        journal.AppendAsync(persistenceId, expectedSequenceNr, events, cancellationToken);

    public Task SaveSnapshotAsync(string persistenceId, long sequenceNr, object state, CancellationToken cancellationToken) =>
        journal.SaveSnapshotAsync(persistenceId, sequenceNr, state, cancellationToken);

    public Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken) =>
        journal.DeleteSnapshotsAsync(persistenceId, beforeSequenceNr, cancellationToken);

    private static async IAsyncEnumerable<StoredEvent> Map(IAsyncEnumerable<JournalEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            yield return new StoredEvent(e.PersistenceId, e.SequenceNr, e.WrittenAt, e.Payload);
        }
    }
}
