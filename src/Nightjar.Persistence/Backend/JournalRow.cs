namespace Nightjar.Persistence.Backend;

/// <summary>An event row as a backend reads it, before deserialization.</summary>
internal sealed record JournalRow(
    JournalOffset Offset,
    string PersistenceId,
    long SequenceNr,
    DateTimeOffset WrittenAt,
    string EventType,
    string Payload);
