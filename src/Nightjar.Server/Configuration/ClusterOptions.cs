using Nightjar.Cluster.Coordination;
using Nightjar.Cluster.Placement;

namespace Nightjar.Server.Configuration;

/// <summary>
/// Cluster settings. The cluster itself is on when Database:ConnectionString names PostgreSQL; these keys tune its
/// timing. The defaults follow the cluster design brief (a SIGKILLed node's cameras record elsewhere in under 20 s).
/// </summary>
internal sealed class ClusterOptions : INightjarOptions
{
    public const int MinKeyLength = 16;

    public static string SectionName => "Cluster";

    /// <summary>Secret shared by the nodes of a site to authenticate their internal calls. Never logged.</summary>
    public string? Key { get; set; }

    /// <summary>Seconds between two lease renewals (heartbeats) of this node.</summary>
    public double RenewIntervalSeconds { get; set; } = 2;

    /// <summary>Seconds a renewal keeps this node alive, by the database clock.</summary>
    public double LeaseTtlSeconds { get; set; } = 10;

    /// <summary>Seconds past an expired lease before the coordinator declares the node dead and fails its cameras over.</summary>
    public double TakeoverGraceSeconds { get; set; } = 3;

    /// <summary>Seconds between two coordinator rounds (failover, first placement, drain).</summary>
    public double CoordinatorIntervalSeconds { get; set; } = 1;

    /// <summary>Seconds an owner has to stop a camera it was asked to hand over before the move is abandoned.</summary>
    public double ReleaseTimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds a node has to start a camera it was given before the coordinator gives it to another.</summary>
    public double StartAckTimeoutSeconds { get; set; } = 20;

    /// <summary>Seconds between two rebalancing rounds.</summary>
    public double RebalanceIntervalSeconds { get; set; } = 30;

    /// <summary>Seconds without a membership change before rebalancing resumes.</summary>
    public double StableAfterSeconds { get; set; } = 60;

    /// <summary>Seconds a cold site (no camera has a live owner) waits for membership to stop changing before placing cameras.</summary>
    public double ColdStartSettleSeconds { get; set; } = 10;

    /// <summary>Most cameras one rebalancing round moves.</summary>
    public int MaxRebalanceMovesPerRound { get; set; } = 20;

    /// <summary>Most cameras one round moves off draining nodes.</summary>
    public int MaxDrainMovesPerRound { get; set; } = 40;

    /// <summary>Most planned moves (drain, rebalance) in flight at once.</summary>
    public int MaxMovesInFlight { get; set; } = 10;

    /// <summary>Load spread (highest minus lowest, 0..1) that opens a rebalancing session.</summary>
    public double ImbalanceThreshold { get; set; } = 0.20;

    /// <summary>Load spread at which a rebalancing session closes (the hysteresis band lies between the two).</summary>
    public double ImbalanceTarget { get; set; } = 0.10;

    /// <summary>Seconds a camera stays where it is after a move before rebalancing may move it again.</summary>
    public double RebalanceCooldownSeconds { get; set; } = 900;

    /// <summary>Seconds between two reads of cameras and API keys added on other nodes.</summary>
    public double RegistryRefreshSeconds { get; set; } = 1;

    public ClusterTiming ToTiming() => new()
    {
        RenewInterval = TimeSpan.FromSeconds(RenewIntervalSeconds),
        LeaseTtl = TimeSpan.FromSeconds(LeaseTtlSeconds),
        TakeoverGrace = TimeSpan.FromSeconds(TakeoverGraceSeconds),
        CoordinatorInterval = TimeSpan.FromSeconds(CoordinatorIntervalSeconds),
        ReleaseTimeout = TimeSpan.FromSeconds(ReleaseTimeoutSeconds),
        StartAckTimeout = TimeSpan.FromSeconds(StartAckTimeoutSeconds),
        RebalanceInterval = TimeSpan.FromSeconds(RebalanceIntervalSeconds),
        StableAfter = TimeSpan.FromSeconds(StableAfterSeconds),
        ColdStartSettle = TimeSpan.FromSeconds(ColdStartSettleSeconds),
        MaxReleasesInFlight = MaxMovesInFlight,
        Rules = PlacementRules.Default with
        {
            MaxRebalanceMovesPerRound = MaxRebalanceMovesPerRound,
            MaxDrainMovesPerRound = MaxDrainMovesPerRound,
            ImbalanceThreshold = ImbalanceThreshold,
            ImbalanceTarget = ImbalanceTarget,
            RebalanceCooldown = TimeSpan.FromSeconds(RebalanceCooldownSeconds),
        },
    };

    public void Validate(ConfigurationErrorCollector errors)
    {
        errors.Secret(nameof(Key), Key, MinKeyLength);
        errors.Range(nameof(RenewIntervalSeconds), RenewIntervalSeconds, 0.05, 60);
        errors.Range(nameof(LeaseTtlSeconds), LeaseTtlSeconds, 0.2, 600);
        errors.Range(nameof(TakeoverGraceSeconds), TakeoverGraceSeconds, 0, 600);
        errors.Range(nameof(CoordinatorIntervalSeconds), CoordinatorIntervalSeconds, 0.05, 60);
        errors.Range(nameof(ReleaseTimeoutSeconds), ReleaseTimeoutSeconds, 1, 3_600);
        errors.Range(nameof(StartAckTimeoutSeconds), StartAckTimeoutSeconds, 1, 3_600);
        errors.Range(nameof(RebalanceIntervalSeconds), RebalanceIntervalSeconds, 0.1, 86_400);
        errors.Range(nameof(StableAfterSeconds), StableAfterSeconds, 0, 86_400);
        errors.Range(nameof(ColdStartSettleSeconds), ColdStartSettleSeconds, 0, 3_600);
        errors.Range(nameof(MaxRebalanceMovesPerRound), MaxRebalanceMovesPerRound, 1, 10_000);
        errors.Range(nameof(MaxDrainMovesPerRound), MaxDrainMovesPerRound, 1, 10_000);
        errors.Range(nameof(MaxMovesInFlight), MaxMovesInFlight, 1, 10_000);
        errors.Range(nameof(ImbalanceThreshold), ImbalanceThreshold, 0.01, 1);
        errors.Range(nameof(ImbalanceTarget), ImbalanceTarget, 0, 1);
        errors.Range(nameof(RebalanceCooldownSeconds), RebalanceCooldownSeconds, 0, 30 * 86_400);
        errors.Range(nameof(RegistryRefreshSeconds), RegistryRefreshSeconds, 0.1, 3_600);
        if (ImbalanceTarget >= ImbalanceThreshold)
        {
            errors.Add(nameof(ImbalanceTarget), $"must be below ImbalanceThreshold ({ImbalanceThreshold}): the gap between them is the hysteresis band");
        }

        if (RenewIntervalSeconds * 2 > LeaseTtlSeconds)
        {
            errors.Add(nameof(LeaseTtlSeconds), $"must be at least twice RenewIntervalSeconds ({RenewIntervalSeconds}), or one late heartbeat loses the lease");
        }
    }

    public override string ToString() => $"Key={Security.SecretRedactor.Describe(Key)}";
}
