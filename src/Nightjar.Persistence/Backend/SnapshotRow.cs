namespace Nightjar.Persistence.Backend;

/// <summary>A snapshot row as a backend reads it, before deserialization.</summary>
internal sealed record SnapshotRow(string PersistenceId, long SequenceNr, DateTimeOffset WrittenAt, string StateType, string State);
