namespace Nightjar.IntegrationTests.Cluster;

/// <summary>Timing knobs (seconds) for tests whose subject is not the default lease timing.</summary>
internal static class ClusterTiming
{
    /// <summary>
    /// Leases and the coordinator tick shortened so planned moves and joins are quick; rebalancing left at its slow
    /// defaults (interval 30 s, stable-after 60 s) so it moves nothing while a test watches something else.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Fast { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Cluster:RenewIntervalSeconds"] = "1",
        ["Cluster:LeaseTtlSeconds"] = "5",
        ["Cluster:TakeoverGraceSeconds"] = "1",
        ["Cluster:CoordinatorIntervalSeconds"] = "0.5",
        ["Cluster:ReleaseTimeoutSeconds"] = "15",
        ["Cluster:StartAckTimeoutSeconds"] = "15",
    };

    /// <summary><see cref="Fast"/> plus the given keys.</summary>
    public static IReadOnlyDictionary<string, string> FastWith(IReadOnlyDictionary<string, string> more)
    {
        var settings = new Dictionary<string, string>(Fast, StringComparer.Ordinal);
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
