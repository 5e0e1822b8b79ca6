namespace Nightjar.Persistence;

/// <summary>What <c>/health/ready</c> needs to know about the journal.</summary>
/// <param name="Backend">"postgresql" or "sqlite".</param>
/// <param name="IsReachable">The database answered a query within the health check's deadline.</param>
/// <param name="SchemaVersion">The highest migration applied to the database (0 when none).</param>
/// <param name="ExpectedSchemaVersion">The highest migration this build knows.</param>
/// <param name="Error">Why the check failed, without connection secrets; null when ready.</param>
public sealed record JournalHealth(
    string Backend,
    bool IsReachable,
    int SchemaVersion,
    int ExpectedSchemaVersion,
    string? Error)
{
    /// <summary>Every migration this build knows is applied (a newer schema from a newer node also counts).</summary>
    public bool IsMigrated => IsReachable && SchemaVersion >= ExpectedSchemaVersion;

    public bool IsReady => IsReachable && IsMigrated;
}
