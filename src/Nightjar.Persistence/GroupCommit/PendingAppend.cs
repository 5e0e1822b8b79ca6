using Nightjar.Actors.Persistence;
using Nightjar.Persistence.Serialization;

namespace Nightjar.Persistence.GroupCommit;

/// <summary>One caller's append waiting in the group-commit queue, and its individual outcome inside the batch.</summary>
internal sealed class PendingAppend(string persistenceId, long expectedSequenceNr, IReadOnlyList<SerializedEvent> events, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<long> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string PersistenceId { get; } = persistenceId;

    public long ExpectedSequenceNr { get; } = expectedSequenceNr;

    public IReadOnlyList<SerializedEvent> Events { get; } = events;

    public long HighestSequenceNr => ExpectedSequenceNr + Events.Count;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<long> Completion => _completion.Task;

    public AppendOutcome Outcome { get; private set; }

    /// <summary>Feed position of the last event written, once <see cref="Outcome"/> is <see cref="AppendOutcome.Written"/>.</summary>
    public JournalOffset LastOffset { get; private set; }

    /// <summary>The stored highest sequence number seen on conflict (-1 when unknown).</summary>
    public long ActualSequenceNr { get; private set; } = -1;

    public Exception? Error { get; private set; }

    public void MarkWritten(JournalOffset lastOffset)
    {
        Outcome = AppendOutcome.Written;
        LastOffset = lastOffset;
    }

    public void MarkConflict(long actualSequenceNr)
    {
        Outcome = AppendOutcome.Conflict;
        ActualSequenceNr = actualSequenceNr;
    }

    public void MarkFailed(Exception error)
    {
        Outcome = AppendOutcome.Failed;
        Error = error;
    }

    /// <summary>Forgets a tentative outcome when its transaction was rolled back and the append is retried.</summary>
    public void Reset()
    {
        Outcome = AppendOutcome.Pending;
        ActualSequenceNr = -1;
        Error = null;
    }

    public void Cancel() => _completion.TrySetCanceled(CancellationToken);

    /// <summary>Completes the caller's task after the batch transaction ended; <paramref name="batchError"/> when it did not commit.</summary>
    public void Complete(Exception? batchError)
    {
        switch (Outcome)
        {
            case AppendOutcome.Conflict:
                _completion.TrySetException(new ConcurrencyConflictException(PersistenceId, ExpectedSequenceNr, ActualSequenceNr));
                break;
            case AppendOutcome.Failed:
                _completion.TrySetException(Error!);
                break;
            case AppendOutcome.Written when batchError is null:
                _completion.TrySetResult(HighestSequenceNr);
                break;
            default:
                _completion.TrySetException(batchError
                    ?? new InvalidOperationException($"The journal backend left the append to '{PersistenceId}' without an outcome."));
                break;
        }
    }
}
