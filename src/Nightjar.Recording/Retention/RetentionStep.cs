namespace Nightjar.Recording.Retention;

/// <summary>Points between the steps of a deletion batch, where crash tests make the executor fail.</summary>
internal enum RetentionStep
{
    /// <summary>The garbage marks are journaled and projected; no file is unlinked yet.</summary>
    Marked,

    /// <summary>The files are unlinked and their directories fsynced; the deletions are not journaled yet.</summary>
    Unlinked,
}
