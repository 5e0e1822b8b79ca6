using System.Runtime.CompilerServices;
using Nightjar.Actors.Persistence;

namespace Nightjar.Actors.Testing;

/// <summary>
/// A complete, thread-safe <see cref="IEventStore"/> in memory, honouring the same optimistic concurrency contract as
/// the journal: an append whose expected sequence number is not the stored highest throws
/// <see cref="ConcurrencyConflictException"/> and writes nothing. Objects are stored by reference, so events and
/// snapshot states must be immutable. Inspection methods let tests see exactly what was written.
/// </summary>
public sealed class InMemoryEventStore(TimeProvider? timeProvider = null) : IEventStore
{
    private readonly object _lock = new();
    private readonly TimeProvider _clock = timeProvider ?? TimeProvider.System;
    private readonly Dictionary<string, List<Entry>> _journal = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedList<long, StoredSnapshot>> _snapshots = new(StringComparer.Ordinal);
    private long _ordering;

    public Task<StoredSnapshot?> LoadLatestSnapshotAsync(string persistenceId, CancellationToken cancellationToken)
    {
        ValidateId(persistenceId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_snapshots.TryGetValue(persistenceId, out var snapshots) && snapshots.Count > 0
                ? snapshots.Values[^1]
                : null);
        }
    }

    public async IAsyncEnumerable<StoredEvent> ReadEventsAsync(string persistenceId, long fromSequenceNr, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ValidateId(persistenceId);
        ArgumentOutOfRangeException.ThrowIfNegative(fromSequenceNr);
        StoredEvent[] events;
        lock (_lock)
        {
            events = _journal.TryGetValue(persistenceId, out var entries)
                ? [.. entries.Where(e => e.Event.SequenceNr >= fromSequenceNr).Select(static e => e.Event)]
                : [];
        }

        foreach (var stored in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return stored;
        }

        await Task.CompletedTask;
    }

    public Task AppendAsync(string persistenceId, long expectedSequenceNr, IReadOnlyList<EventToPersist> events, CancellationToken cancellationToken)
    {
        ValidateId(persistenceId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedSequenceNr);
        ArgumentNullException.ThrowIfNull(events);
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i]?.Payload is null || events[i].Tags is null)
            {
                throw new ArgumentException($"Event {i} is null or has a null payload or tag list.", nameof(events));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var writtenAt = _clock.GetUtcNow();
        lock (_lock)
        {
            var entries = _journal.TryGetValue(persistenceId, out var existing) ? existing : null;
            long highest = entries is { Count: > 0 } ? entries[^1].Event.SequenceNr : 0;
            if (highest != expectedSequenceNr)
            {
                throw new ConcurrencyConflictException(persistenceId, expectedSequenceNr, highest);
            }

            if (events.Count == 0)
            {
                return Task.CompletedTask;
            }

            entries ??= _journal[persistenceId] = [];
            foreach (var @event in events)
            {
                var stored = new StoredEvent(persistenceId, ++highest, writtenAt, @event.Payload);
                entries.Add(new Entry(++_ordering, stored, [.. @event.Tags]));
            }
        }

        return Task.CompletedTask;
    }

    public Task SaveSnapshotAsync(string persistenceId, long sequenceNr, object state, CancellationToken cancellationToken)
    {
        ValidateId(persistenceId);
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNr);
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        var snapshot = new StoredSnapshot(persistenceId, sequenceNr, _clock.GetUtcNow(), state);
        lock (_lock)
        {
            if (!_snapshots.TryGetValue(persistenceId, out var snapshots))
            {
                _snapshots[persistenceId] = snapshots = [];
            }

            snapshots[sequenceNr] = snapshot;
        }

        return Task.CompletedTask;
    }

    public Task DeleteSnapshotsAsync(string persistenceId, long beforeSequenceNr, CancellationToken cancellationToken)
    {
        ValidateId(persistenceId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_snapshots.TryGetValue(persistenceId, out var snapshots))
            {
                while (snapshots.Count > 0 && snapshots.Keys[0] < beforeSequenceNr)
                {
                    snapshots.RemoveAt(0);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Every stored event of <paramref name="persistenceId"/>, in sequence order.</summary>
    public IReadOnlyList<StoredEvent> GetEvents(string persistenceId)
    {
        lock (_lock)
        {
            return _journal.TryGetValue(persistenceId, out var entries) ? [.. entries.Select(static e => e.Event)] : [];
        }
    }

    /// <summary>Every event published under <paramref name="tag"/>, in global write order.</summary>
    public IReadOnlyList<StoredEvent> GetEventsByTag(string tag)
    {
        lock (_lock)
        {
            return [.. _journal.Values.SelectMany(static e => e)
                .Where(e => e.Tags.Contains(tag, StringComparer.Ordinal))
                .OrderBy(static e => e.Ordering)
                .Select(static e => e.Event)];
        }
    }

    /// <summary>The stored snapshots of <paramref name="persistenceId"/>, oldest first.</summary>
    public IReadOnlyList<StoredSnapshot> GetSnapshots(string persistenceId)
    {
        lock (_lock)
        {
            return _snapshots.TryGetValue(persistenceId, out var snapshots) ? [.. snapshots.Values] : [];
        }
    }

    public long GetHighestSequenceNr(string persistenceId)
    {
        lock (_lock)
        {
            return _journal.TryGetValue(persistenceId, out var entries) && entries.Count > 0 ? entries[^1].Event.SequenceNr : 0;
        }
    }

    private static void ValidateId(string persistenceId) => ArgumentException.ThrowIfNullOrWhiteSpace(persistenceId);

    private sealed record Entry(long Ordering, StoredEvent Event, string[] Tags);
}
