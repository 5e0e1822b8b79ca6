namespace Nightjar.Persistence.GroupCommit;

/// <summary>What the batch transaction decided for one append, before the commit makes it final.</summary>
internal enum AppendOutcome
{
    Pending,
    Written,
    Conflict,
    Failed,
}
