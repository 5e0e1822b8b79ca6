using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Security.Support;

internal sealed class SecureNodeOptions
{
    /// <summary>Auth:BootstrapAdminKey; null lets the node generate and announce one.</summary>
    public string? BootstrapKey { get; init; } = SecureNode.AdminKey;

    /// <summary>A data directory that outlives the node (restarts); null gives the node its own, removed at dispose.</summary>
    public TempDirectory? Data { get; init; }

    /// <summary>Replaces the host's clock (token expiry tests).</summary>
    public TimeProvider? Time { get; init; }

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Every category at Trace through the configuration, as an operator chasing a problem would set it (otherwise
    /// only Nightjar categories are captured at every level, the framework's at the node's configured levels).
    /// </summary>
    public bool VerboseLogging { get; init; }

    /// <summary>Adds the stand-in media routes of <see cref="MediaProbeEndpoints"/>.</summary>
    public bool MediaProbes { get; init; } = true;
}
