using Nightjar.Cluster.Placement;

namespace Nightjar.Cluster.Coordination;

/// <summary>The cluster's clocks and limits (cluster.md 6.2). Defaults follow the brief; tests use short ones.</summary>
public sealed record ClusterTiming
{
    /// <summary>How often a node renews its lease (heartbeat). Default 2 s.</summary>
    public TimeSpan RenewInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a renewal lasts, in DB time; also the coordinator's lease. Default 10 s.</summary>
    public TimeSpan LeaseTtl { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long past expiry before a node may be declared dead or a lease taken over. Default 3 s.</summary>
    public TimeSpan TakeoverGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The coordinator's tick, and how often a candidate tries to acquire. Default 1 s.</summary>
    public TimeSpan CoordinatorInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an owner has to stop a camera it is asked to release. Default 30 s.</summary>
    public TimeSpan ReleaseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a new owner has to report recording before the camera goes elsewhere. Default 20 s.</summary>
    public TimeSpan StartAckTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How often rebalancing runs (failover, first placement and drains run every tick). Default 30 s.</summary>
    public TimeSpan RebalanceInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Rebalancing waits this long after a membership change. Default 60 s.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A site starting cold (no camera has a live owner: a new site, or every node was down) places its cameras only once
    /// membership has not changed for this long, so the first node up does not take every camera that fits it and leave
    /// rebalancing to spread them in bounded rounds. Default 10 s; zero places at once.
    /// </summary>
    public TimeSpan ColdStartSettle { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this many releases in flight across the cluster. Default 10.</summary>
    public int MaxReleasesInFlight { get; init; } = 10;

    /// <summary>The placement's rules.</summary>
    public PlacementRules Rules { get; init; } = PlacementRules.Default;

    /// <summary>When this node stops believing in its lease, after the send time of the renewal that granted it.</summary>
    /// <remarks>1 % for the clock-rate bound and half a second of margin (cluster.md 6.2, I4).</remarks>
    internal TimeSpan SelfFenceAfter => LeaseTtl * 0.99 - TimeSpan.FromMilliseconds(500);

    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void Validate()
    {
        Positive(RenewInterval, nameof(RenewInterval));
        Positive(TakeoverGrace, nameof(TakeoverGrace));
        Positive(CoordinatorInterval, nameof(CoordinatorInterval));
        Positive(ReleaseTimeout, nameof(ReleaseTimeout));
        Positive(StartAckTimeout, nameof(StartAckTimeout));
        Positive(RebalanceInterval, nameof(RebalanceInterval));
        if (StableAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(StableAfter)} must not be negative.");
        }

        if (ColdStartSettle < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ColdStartSettle)} must not be negative.");
        }

        if (SelfFenceAfter <= RenewInterval)
        {
            throw new ArgumentException(
                $"{nameof(LeaseTtl)} ({LeaseTtl}) must leave room for renewals: 0.99 × TTL − 0.5 s must exceed {nameof(RenewInterval)} ({RenewInterval}).");
        }

        if (MaxReleasesInFlight < 1)
        {
            throw new ArgumentException($"{nameof(MaxReleasesInFlight)} must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(Rules);
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive (was {value}).");
        }
    }
}
