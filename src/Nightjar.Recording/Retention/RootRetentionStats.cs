using Nightjar.Recording.Events;

namespace Nightjar.Recording.Retention;

/// <summary>A root's running totals, kept outside its actor so a restart of the actor does not reset them.</summary>
internal sealed class RootRetentionStats
{
    public Dictionary<SegmentDeletionReason, long> DeletedBytes { get; } = [];

    public long EmergencyDeletions { get; set; }

    public DateTimeOffset? LastPassAt { get; set; }

    public string? LastRefusal { get; set; }

    /// <summary>A disk-full alarm is raised once per episode, not every pass.</summary>
    public bool DiskFullRaised { get; set; }

    public void Count(IReadOnlyList<SegmentDeleted> deleted)
    {
        foreach (var segment in deleted)
        {
            DeletedBytes[segment.Reason] = DeletedBytes.GetValueOrDefault(segment.Reason) + segment.Bytes;
            if (segment.Reason == SegmentDeletionReason.Emergency)
            {
                EmergencyDeletions++;
            }
        }
    }
}
