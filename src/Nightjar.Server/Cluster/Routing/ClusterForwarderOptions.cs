namespace Nightjar.Server.Cluster.Routing;

/// <summary>Timeouts of calls to other nodes. Bodies have none: a video chunk streams as long as both sides read.</summary>
internal sealed class ClusterForwarderOptions
{
    /// <summary>A node that does not accept a connection within this is treated as unreachable.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for the owner's status line and headers (a snapshot decode takes a few seconds).</summary>
    public TimeSpan ResponseHeadersTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>Retry-After</c> of a 503 when the owner cannot be reached.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}
