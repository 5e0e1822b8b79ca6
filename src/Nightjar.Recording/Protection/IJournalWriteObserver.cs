namespace Nightjar.Recording.Protection;

/// <summary>
/// Told by in-process writers (the signal pipeline, <see cref="EvidenceLocks"/>) what they just appended, so a read
/// model can answer "everything written before this call" without waiting for the tag feed, which on PostgreSQL holds
/// an event back while an older transaction is still committing.
/// </summary>
public interface IJournalWriteObserver
{
    /// <summary><paramref name="persistenceId"/> now has events up to <paramref name="sequenceNr"/> in the journal.</summary>
    void Written(string persistenceId, long sequenceNr);
}
