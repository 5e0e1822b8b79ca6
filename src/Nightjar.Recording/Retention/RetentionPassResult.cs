using Nightjar.Recording.Events;

namespace Nightjar.Recording.Retention;

/// <summary>What one pass over every root deleted.</summary>
/// <param name="Deleted">Segments deleted.</param>
/// <param name="BytesFreed">Their recorded bytes.</param>
/// <param name="ByReason">Segments deleted by reason.</param>
/// <param name="Refused">True when a root refused the pass (its emergency deletions, if any, still ran).</param>
public sealed record RetentionPassResult(int Deleted, long BytesFreed, IReadOnlyDictionary<SegmentDeletionReason, int> ByReason, bool Refused)
{
    public static RetentionPassResult Empty { get; } = new(0, 0, new Dictionary<SegmentDeletionReason, int>(), false);

    /// <summary>The results of two roots together.</summary>
    public RetentionPassResult Combine(RetentionPassResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var byReason = new Dictionary<SegmentDeletionReason, int>(ByReason);
        foreach (var (reason, count) in other.ByReason)
        {
            byReason[reason] = byReason.GetValueOrDefault(reason) + count;
        }

        return new RetentionPassResult(Deleted + other.Deleted, BytesFreed + other.BytesFreed, byReason, Refused || other.Refused);
    }
}
