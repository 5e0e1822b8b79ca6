using Nightjar.Actors.Persistence;
using Nightjar.Actors.Testing;

namespace Nightjar.Recording.Tests.Runtime.Journal;

/// <summary>An in-memory store whose appends follow a script: fail before writing, write then fail (an ambiguous commit), or pass.</summary>
internal sealed class FlakyEventStore(InMemoryEventStore inner) : IEventStore
{
    private readonly Queue<(Exception Error, bool CommitFirst)> _script = new();

    public InMemoryEventStore Inner => inner;

    public int Appends { get; private set; }

    /// <summary>The next append fails with <paramref name="error"/>, after writing when <paramref name="commitFirst"/>.</summary>
    public FlakyEventStore ThenFail(Exception error, bool commitFirst = false)
    {
        _script.Enqueue((error, commitFirst));
        return this;
    }

    public async Task AppendAsync(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventToPersist> events, CancellationToken cancellationToken)
    {
        Appends++;
        if (_script.TryDequeue(out var step))
        {
            if (step.CommitFirst)
            {
                await inner.AppendAsync(persistenceId, expectedSequenceNr, events, cancellationToken);
            }

            throw step.Error;
        }

        await inner.AppendAsync(persistenceId, expectedSequenceNr, events, cancellationToken);
    }

    public Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken) =>
        inner.LoadLatestSnapshotAsync(persistenceId, cancellationToken);

    public IAsyncEnumerable<StoredEvent> ReadEventsAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        inner.ReadEventsAsync(persistenceId, fromSequenceNr, cancellationToken);

    public Task SaveSnapshotAsync(string persistenceId, long sequenceNr, object state, CancellationToken cancellationToken) =>
        inner.SaveSnapshotAsync(persistenceId, sequenceNr, state, cancellationToken);

    public Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken) =>
        inner.DeleteSnapshotsAsync(persistenceId, beforeSequenceNr, cancellationToken);
}
