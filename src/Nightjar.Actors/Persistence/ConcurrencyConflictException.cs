namespace Nightjar.Actors.Persistence;

/// <summary>Another writer appended to the same persistence id first; nothing of this batch was written.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string persistenceId, long expectedSequenceNr, long actualSequenceNr)
        : base($"Persistence id '{persistenceId}' expected to be at sequence {expectedSequenceNr} but is at {actualSequenceNr}; another writer appended first.")
    {
        PersistenceId = persistenceId;
        ExpectedSequenceNr = expectedSequenceNr;
        ActualSequenceNr = actualSequenceNr;
    }

    public ConcurrencyConflictException()
        : this(string.Empty, 0, 0)
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
        PersistenceId = string.Empty;
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        PersistenceId = string.Empty;
    }

    public string PersistenceId { get; }

    public long ExpectedSequenceNr { get; }

    /// <summary>The highest sequence number actually stored, when the store knows it (otherwise -1).</summary>
    public long ActualSequenceNr { get; }
}
