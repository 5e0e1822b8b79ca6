namespace Nightjar.Persistence;

/// <summary>
/// Where the journal lives and how it behaves. <see cref="ConnectionString"/> set: PostgreSQL (a cluster).
/// Otherwise SQLite in <see cref="DataPath"/>/<see cref="SqliteFileName"/> (a single node).
/// </summary>
public sealed class EventJournalOptions
{
    public const string SqliteFileName = "nightjar.db";

    /// <summary>Npgsql connection string (<c>NIGHTJAR__DATABASE__CONNECTIONSTRING</c>); null or empty selects SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The node's data directory (<c>NIGHTJAR__DATA__PATH</c>); required for SQLite, created if missing.</summary>
    public string? DataPath { get; set; }

    /// <summary>How often a caught-up live feed re-queries when no commit hint arrives. Hints (LISTEN/NOTIFY, in-process) usually come first.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most appends one group-commit transaction takes.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Rows per query when replaying one persistence id or paging a live feed.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Deadline of <see cref="IEventJournal.CheckHealthAsync"/>.</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>PostgreSQL only: LISTEN for commits of other nodes so their events reach live feeds before the next poll.</summary>
    public bool UseDatabaseNotifications { get; set; } = true;

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Throws <see cref="ArgumentException"/> naming the offending option.</summary>
    public void Validate()
    {
        if (!UsesPostgres && string.IsNullOrWhiteSpace(DataPath))
        {
            throw new ArgumentException("Journal storage is not configured: set ConnectionString (PostgreSQL, Database:ConnectionString) or DataPath (SQLite, Data:Path).", nameof(DataPath));
        }

        if (PollInterval <= TimeSpan.Zero || PollInterval > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException($"PollInterval must be between 0 and 5 minutes, not {PollInterval}.", nameof(PollInterval));
        }

        if (MaxBatchSize is < 1 or > 10_000)
        {
            throw new ArgumentException($"MaxBatchSize must be between 1 and 10000, not {MaxBatchSize}.", nameof(MaxBatchSize));
        }

        if (PageSize is < 1 or > 10_000)
        {
            throw new ArgumentException($"PageSize must be between 1 and 10000, not {PageSize}.", nameof(PageSize));
        }

        if (HealthTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"HealthTimeout must be positive, not {HealthTimeout}.", nameof(HealthTimeout));
        }
    }
}
