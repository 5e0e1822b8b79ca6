namespace Nightjar.Cluster.Placement;

/// <summary>
/// Tuning of the placement. Loads and spreads are fractions of capacity (0.2 = 20 percentage points of a node's most-used
/// dimension). The defaults follow the cluster design brief (part 6.7–6.8).
/// </summary>
public sealed record PlacementRules
{
    /// <summary>The defaults.</summary>
    public static PlacementRules Default { get; } = new();

    /// <summary>
    /// A rebalancing session opens when the spread (highest minus lowest load over alive nodes) exceeds this.
    /// Default 0.20.
    /// </summary>
    public double ImbalanceThreshold { get; init; } = 0.20;

    /// <summary>
    /// An open session keeps moving cameras until the spread is at most this, then closes: the gap between the two
    /// thresholds is the hysteresis band that bitrate noise cannot cross. Only node pairs more than this far apart
    /// trade cameras. Default 0.10.
    /// </summary>
    public double ImbalanceTarget { get; init; } = 0.10;

    /// <summary>
    /// A rebalance move must lower the source node's load by at least this much (and may not leave the target hotter
    /// than the source), so moves that do not relieve the binding dimension are not worth a handoff. Default 0.001.
    /// </summary>
    public double MinImprovement { get; init; } = 0.001;

    /// <summary>At most this many rebalance moves per round. Default 20.</summary>
    public int MaxRebalanceMovesPerRound { get; init; } = 20;

    /// <summary>
    /// At most this many moves off draining nodes, or off nodes that lost a required label, per round, so a drain
    /// proceeds in steps. Independent of the imbalance threshold. Default 40.
    /// </summary>
    public int MaxDrainMovesPerRound { get; init; } = 40;

    /// <summary>Rebalancing leaves a camera where it is for this long after it last moved. Default 15 minutes.</summary>
    public TimeSpan RebalanceCooldown { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// "Not much worse": the archive-holding node is chosen when its load after placement is at most this much above
    /// the best candidate's (load is the most-used dimension, so 0.05 is 5 percentage points). Default 0.05.
    /// </summary>
    public double ArchivePreferenceMargin { get; init; } = 0.05;

    /// <summary>
    /// The fraction of each capacity dimension placement may fill (a high watermark). A node whose load exceeds it is
    /// overloaded and sheds cameras even inside the hysteresis band. Default 1.0 (declared capacity is usable).
    /// </summary>
    public double MaxUtilization { get; init; } = 1.0;
}
