namespace Nightjar.Recording.Protection;

/// <summary>How an <see cref="EvidenceLocks"/> command ended.</summary>
public enum LockCommandStatus
{
    /// <summary>Journaled.</summary>
    Ok = 0,

    /// <summary>The request breaks a rule (see the errors); nothing was journaled.</summary>
    Invalid = 1,

    /// <summary>No such camera, or no such unreleased lock; nothing was journaled.</summary>
    NotFound = 2,
}
