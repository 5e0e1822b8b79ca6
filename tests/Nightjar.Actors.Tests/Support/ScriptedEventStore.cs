using Nightjar.Actors.Persistence;

namespace Nightjar.Actors.Tests.Support;

/// <summary>An <see cref="InMemoryEventStore"/> with hooks a test can use to delay or fail individual calls.</summary>
internal sealed class ScriptedEventStore(InMemoryEventStore inner) : IEventStore
{
    public InMemoryEventStore Inner => inner;

    /// <summary>Runs before each append reaches the store; throw to fail it, await to hold it.</summary>
    public Func<Task>? BeforeAppend { get; set; }

    public Func<Task>? BeforeLoadSnapshot { get; set; }

    public Func<Task>? BeforeSaveSnapshot { get; set; }

    public async Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await (BeforeLoadSnapshot?.Invoke() ?? Task.CompletedTask);
        return await inner.LoadLatestSnapshotAsync(persistenceId, cancellationToken);
    }

    /// <summary>Runs before each event read is handed out; throw to fail the read part-way.</summary>
    public Action<StoredEvent>? BeforeReadEvent { get; set; }

    public async IAsyncEnumerable<StoredEvent> ReadEventsAsync(string persistenceId, long fromSequenceNr, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var stored in inner.ReadEventsAsync(persistenceId, fromSequenceNr, cancellationToken))
        {
            BeforeReadEvent?.Invoke(stored);
            yield return stored;
        }
    }

    public async Task AppendAsync(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventToPersist> events, CancellationToken cancellationToken)
    {
        await (BeforeAppend?.Invoke() ?? Task.CompletedTask);
        await inner.AppendAsync(persistenceId, expectedSequenceNr, events, cancellationToken);
    }

    public async Task SaveSnapshotAsync(string persistenceId, long sequenceNr, object state, CancellationToken cancellationToken)
    {
        await (BeforeSaveSnapshot?.Invoke() ?? Task.CompletedTask);
        await inner.SaveSnapshotAsync(persistenceId, sequenceNr, state, cancellationToken);
    }

    public Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken) =>
        inner.DeleteSnapshotsAsync(persistenceId, beforeSequenceNr, cancellationToken);
}
