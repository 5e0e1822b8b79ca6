using Microsoft.Extensions.Logging;

namespace Nightjar.Actors.Persistence;

// EventIds 1030-1039: persistent actors.
public abstract partial class PersistentActor<TMessage, TState>
{
    [LoggerMessage(EventId = 1030, Level = LogLevel.Debug, Message = "Recovered {PersistenceId} to sequence {SequenceNr} (snapshot {SnapshotSequenceNr})")]
    private static partial void LogRecovered(ILogger logger, string persistenceId, long sequenceNr, long snapshotSequenceNr);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "Snapshot of {PersistenceId} at sequence {SequenceNr} failed; recovery will replay more events")]
    private static partial void LogSnapshotFailed(ILogger logger, string persistenceId, long sequenceNr, Exception error);
}
