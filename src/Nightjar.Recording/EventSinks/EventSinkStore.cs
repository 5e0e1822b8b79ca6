using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// The event sinks of the site: an <see cref="EventSinkRegistry"/> rebuilt from the journal (persistence id
/// <see cref="PersistenceId"/>) and changed only by appending at the expected sequence number. Readers use
/// <see cref="Current"/> without locking; <see cref="Changed"/> completes at the next change (the supervisor waits on it).
/// </summary>
public sealed partial class EventSinkStore(IEventJournal journal, ISecretProtector protector, TimeProvider timeProvider, ILogger<EventSinkStore> logger) : IDisposable
{
    public const string PersistenceId = "event-sinks";

    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile Snapshot _snapshot = new(EventSinkRegistry.Empty, 0);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventSinkRegistry Current => _snapshot.Registry;

    /// <summary>Completes when <see cref="Current"/> changes next.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>The persistence id of one sink's acknowledgements.</summary>
    public static string AcknowledgementsOf(string sinkId) => "event-sink/" + sinkId;

    /// <summary>Applies definition changes appended since the last read (by any node).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Creates a sink with a new id.</summary>
    /// <exception cref="ConcurrencyConflictException">Other writers won twice in a row; nothing was written.</exception>
    public Task<EventSinkChange> CreateAsync(EventSinkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return ExecuteAsync(id, registry => Decide(EventSinkValidator.Validate(id, request, null, protector, timeProvider.GetUtcNow()), d => new EventSinkCreated(d)), cancellationToken);
    }

    /// <summary>Replaces a sink's definition as a whole; secrets sent back masked keep their stored values.</summary>
    /// <exception cref="ConcurrencyConflictException">Other writers won twice in a row; nothing was written.</exception>
    public Task<EventSinkChange> ReplaceAsync(string id, EventSinkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(id, registry => registry.Find(id) is { } existing
            ? Decide(EventSinkValidator.Validate(id, request, existing.Definition, protector, timeProvider.GetUtcNow()), d => new EventSinkUpdated(d))
            : (EventSinkChange.NotFound, null), cancellationToken);
    }

    /// <summary>Deletes a sink; its worker stops at the next reconcile.</summary>
    /// <exception cref="ConcurrencyConflictException">Other writers won twice in a row; nothing was written.</exception>
    public Task<EventSinkChange> DeleteAsync(string id, CancellationToken cancellationToken) =>
        ExecuteAsync(id, registry => registry.Find(id) is { } existing
            ? (new EventSinkChange(EventSinkChangeStatus.Ok, existing, []), new EventSinkDeleted(id, timeProvider.GetUtcNow()))
            : (EventSinkChange.NotFound, null), cancellationToken);

    public void Dispose() => _writer.Dispose();

    private static (EventSinkChange Change, IRecordingEvent? Event) Decide(
        Validation.ValidationResult<EventSinkDefinition> validated, Func<EventSinkDefinition, IRecordingEvent> eventOf) =>
        validated.Value is { } definition
            ? (new EventSinkChange(EventSinkChangeStatus.Ok, null, []), eventOf(definition))
            : (new EventSinkChange(EventSinkChangeStatus.Invalid, null, validated.Errors), null);

    private async Task<EventSinkChange> ExecuteAsync(
        string id, Func<EventSinkRegistry, (EventSinkChange Change, IRecordingEvent? Event)> decide, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var snapshot = _snapshot;
                var (change, @event) = decide(snapshot.Registry);
                if (@event is null)
                {
                    return change;
                }

                try
                {
                    await journal.AppendAsync(PersistenceId, snapshot.SequenceNr, [new EventToPersist(@event, [JournalNames.EventSinkTag])], cancellationToken);
                }
                catch (ConcurrencyConflictException) when (attempt == 0)
                {
                    // Another node changed the sinks: read its change and decide again, once.
                    await CatchUpAsync(cancellationToken);
                    continue;
                }

                // Read back rather than apply locally: the registry needs the event's journal offset ("now").
                await CatchUpAsync(cancellationToken);
                LogChanged(logger, @event.GetType().Name, id);
                return change with { Sink = _snapshot.Registry.Find(id) ?? change.Sink };
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var registry = snapshot.Registry;
        var sequenceNr = snapshot.SequenceNr;
        await foreach (var stored in journal.ReadEventsAsync(PersistenceId, sequenceNr + 1, long.MaxValue, cancellationToken))
        {
            registry = registry.Apply(stored);
            sequenceNr = stored.SequenceNr;
        }

        if (sequenceNr != snapshot.SequenceNr)
        {
            _snapshot = new Snapshot(registry, sequenceNr);
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private sealed record Snapshot(EventSinkRegistry Registry, long SequenceNr);
}
