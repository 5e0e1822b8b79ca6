namespace Nightjar.Actors.Persistence;

/// <summary>A persistent actor could not rebuild its state; the inner exception says why. Goes to the actor's supervisor.</summary>
public sealed class RecoveryFailedException : Exception
{
    public RecoveryFailedException()
        : this("Recovery of a persistent actor failed.")
    {
    }

    public RecoveryFailedException(string message)
        : base(message)
    {
        PersistenceId = string.Empty;
    }

    public RecoveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        PersistenceId = string.Empty;
    }

    public RecoveryFailedException(string persistenceId, long recoveredToSequenceNr, Exception innerException)
        : base($"Recovery of '{persistenceId}' failed after sequence {recoveredToSequenceNr}: {innerException?.Message}", innerException)
    {
        PersistenceId = persistenceId;
        RecoveredToSequenceNr = recoveredToSequenceNr;
    }

    public string PersistenceId { get; }

    /// <summary>The last sequence number applied before the failure (0 when nothing was).</summary>
    public long RecoveredToSequenceNr { get; }
}
