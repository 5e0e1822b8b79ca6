namespace Nightjar.Persistence;

/// <summary>An event read back from the journal, already deserialized.</summary>
/// <param name="Offset">Its position in the global feed; resume a tag or all-events read after it.</param>
/// <param name="PersistenceId">The actor (stream) it belongs to.</param>
/// <param name="SequenceNr">Its number within the persistence id, from 1.</param>
/// <param name="WrittenAt">When the writing node committed it (its <see cref="TimeProvider"/>).</param>
/// <param name="EventType">The stable name it was registered under in <see cref="EventTypeRegistry"/>.</param>
/// <param name="Payload">The deserialized event.</param>
public sealed record JournalEvent(
    JournalOffset Offset,
    string PersistenceId,
    long SequenceNr,
    DateTimeOffset WrittenAt,
    string EventType,
    object Payload);
