namespace Nightjar.Recording.Retention;

/// <summary>The outcome of planning one pass over one root.</summary>
/// <param name="Deletions">In the order they are to be done.</param>
/// <param name="Refusal">Why the pass was refused (then <paramref name="Deletions"/> holds emergency deletions only); null when it was not.</param>
/// <param name="Bounded">The pass stopped at its deletion bound with work left: run the next one soon.</param>
/// <param name="DiskStillFull">Free space stays below the minimum even after every deletion the rules allow.</param>
internal sealed record RetentionPlan(IReadOnlyList<PlannedDeletion> Deletions, string? Refusal, bool Bounded, bool DiskStillFull)
{
    public bool LocksDeleted => Deletions.Any(d => d.Protection == Events.SegmentProtection.Lock);
}
