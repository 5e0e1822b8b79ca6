using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Retention;

/// <summary>How often and how much retention deletes (the <c>Retention</c> configuration section).</summary>
public sealed record RetentionOptions
{
    /// <summary>Time between scheduled passes.</summary>
    public TimeSpan PassInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often free space is probed; below <c>2 × MinFreeBytes</c> (the low-water mark) every probe runs a pass at once.</summary>
    public TimeSpan FreeSpaceCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most deletions of one pass: a shortened depth deletes its backlog over several passes, never in one burst.</summary>
    public int MaxDeletionsPerPass { get; init; } = 500;

    /// <summary>Below this much free space the disk "would fill": deletions run in the emergency order.</summary>
    public long MinFreeBytes { get; init; } = 1L << 30;

    /// <summary>An open motion window older than this counts as closed at its start plus this.</summary>
    public TimeSpan MaxMotionLength { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Pause before the next pass when a pass stopped at <see cref="MaxDeletionsPerPass"/> with work left.</summary>
    public TimeSpan BacklogPassDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Deletions journaled per append (the garbage marks of a batch, then their deletions).</summary>
    public int DeletionBatchSize { get; init; } = 100;

    /// <summary>
    /// This node's id in a cluster (the recording engine's <c>NodeId</c>); null on a single node. A node plans and
    /// deletes only the segments of its own roots (<c>"{node}/{index}"</c> in the catalog) and journals under
    /// <c>retention/{node}/{root}</c>, so nodes never touch each other's files or streams.
    /// </summary>
    public string? NodeId { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad option.</summary>
    public void Validate()
    {
        Positive(PassInterval, nameof(PassInterval));
        Positive(FreeSpaceCheckInterval, nameof(FreeSpaceCheckInterval));
        Positive(MaxMotionLength, nameof(MaxMotionLength));
        if (BacklogPassDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(BacklogPassDelay)} cannot be negative.", nameof(BacklogPassDelay));
        }

        if (MaxDeletionsPerPass is < 1 or > 100_000)
        {
            throw new ArgumentException($"{nameof(MaxDeletionsPerPass)} must be between 1 and 100000.", nameof(MaxDeletionsPerPass));
        }

        if (DeletionBatchSize is < 1 or > 1_000)
        {
            throw new ArgumentException($"{nameof(DeletionBatchSize)} must be between 1 and 1000.", nameof(DeletionBatchSize));
        }

        if (NodeId is not null && !NodeIds.IsValid(NodeId))
        {
            throw new ArgumentException($"{nameof(NodeId)} must be null or 1 to {NodeIds.MaxLength} ASCII letters, digits, '-', '_' or '.'.", nameof(NodeId));
        }

        if (MinFreeBytes < 0)
        {
            throw new ArgumentException($"{nameof(MinFreeBytes)} cannot be negative.", nameof(MinFreeBytes));
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be greater than zero.", name);
        }
    }
}
