namespace Nightjar.Cluster.Placement;

/// <summary>One camera as the placement sees it: its demand and what constrains where it may go.</summary>
/// <param name="Id">The camera id.</param>
/// <param name="ExpectedMbps">The configured bitrate, used until the camera has been measured.</param>
public sealed record PlacementCamera(string Id, double ExpectedMbps)
{
    /// <summary>The measured ingest bitrate; when present it replaces <see cref="ExpectedMbps"/>.</summary>
    public double? MeasuredMbps { get; init; }

    /// <summary>Retention depth: the storage need is the bitrate times this depth unless <see cref="StorageBytes"/> is given.</summary>
    public TimeSpan? RetentionDepth { get; init; }

    /// <summary>An explicit storage need in bytes (e.g. a per-camera space quota); overrides the bitrate × depth estimate.</summary>
    public long? StorageBytes { get; init; }

    /// <summary>Labels a node must carry (same key, same value) to record this camera, e.g. the site it is reachable from.</summary>
    public IReadOnlyDictionary<string, string>? RequiredLabels { get; init; }

    /// <summary>The node that holds this camera's archive: preferred when it fits and is not much worse than the best.</summary>
    public string? ArchiveNode { get; init; }

    /// <summary>When the camera last changed node; rebalancing leaves it alone for the cooldown after that.</summary>
    public DateTimeOffset? LastMovedAt { get; init; }

    /// <summary>Lower is more important: placed first, so when capacity is short the least important stay unassigned.</summary>
    public int Priority { get; init; }

    /// <summary>The bitrate the placement weighs: measured when known, otherwise expected.</summary>
    public double BitrateMbps => MeasuredMbps ?? ExpectedMbps;

    /// <summary>Storage this camera's retention needs, in bytes.</summary>
    public long StorageNeedBytes => StorageBytes ?? EstimateStorage(BitrateMbps, RetentionDepth);

    /// <summary>What the camera takes from a node: its bitrate, one slot, its storage need.</summary>
    public ResourceUsage Demand => new(BitrateMbps, 1, StorageNeedBytes);

    private static long EstimateStorage(double mbps, TimeSpan? depth)
    {
        if (depth is not { } d)
        {
            return 0;
        }

        var bytes = mbps * 1_000_000 / 8 * d.TotalSeconds;
        // Validation rejects values this large; the clamp only keeps the property total.
        return bytes >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(bytes);
    }
}
