using Nightjar.Cluster.Coordination;

namespace Nightjar.Cluster.Tests.Support;

/// <summary>Short clocks so failover and drains happen within seconds, with room for a loaded CI machine.</summary>
internal static class TestTimings
{
    public static ClusterTiming Fast { get; } = new()
    {
        RenewInterval = TimeSpan.FromMilliseconds(200),
        LeaseTtl = TimeSpan.FromSeconds(2),
        TakeoverGrace = TimeSpan.FromMilliseconds(500),
        CoordinatorInterval = TimeSpan.FromMilliseconds(200),
        ReleaseTimeout = TimeSpan.FromSeconds(5),
        StartAckTimeout = TimeSpan.FromSeconds(5),
        RebalanceInterval = TimeSpan.FromMilliseconds(500),
        StableAfter = TimeSpan.FromSeconds(1),
        ColdStartSettle = TimeSpan.Zero,
    };
}
