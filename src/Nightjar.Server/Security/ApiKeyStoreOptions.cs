namespace Nightjar.Server.Security;

/// <summary>
/// How <see cref="ApiKeyStore"/> follows keys written by other nodes of a cluster (a single node writes every key
/// itself, so it needs neither). A cluster sets <see cref="RefreshInterval"/> to about a second, so a key created on
/// one node works on every other within about two seconds.
/// </summary>
internal sealed class ApiKeyStoreOptions
{
    /// <summary>Time between two periodic reads of the key events; null never reads again after start.</summary>
    public TimeSpan? RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Before refusing a key whose id this node has never seen, read the journal once more, at most once per
    /// <see cref="UnknownKeyCatchUpSpacing"/> (so a flood of made-up keys costs at most one read per period); null never.
    /// </summary>
    public TimeSpan? UnknownKeyCatchUpSpacing { get; set; } = TimeSpan.FromSeconds(1);
}
