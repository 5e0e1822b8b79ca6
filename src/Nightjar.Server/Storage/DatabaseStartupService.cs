using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Nightjar.Server.Storage;

/// <summary>
/// Creates the data directory and applies the journal's and the catalog's migrations when the node starts. Hosted
/// services start in registration order, so everything registered after it finds a migrated database.
/// </summary>
internal sealed partial class DatabaseStartupService(
    IEventJournal journal,
    ISegmentCatalog catalog,
    IOptions<DataOptions> data,
    ILogger<DatabaseStartupService> logger) : IHostedService
{
    private volatile bool _migrated;

    /// <summary>True once both schemas are current; the readiness check reports false until then.</summary>
    public bool Migrated => _migrated;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(data.Value.GetFullPath());
        await journal.MigrateAsync(cancellationToken);
        await catalog.MigrateAsync(cancellationToken);
        _migrated = true;
        LogMigrated(logger, journal.Backend);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Database ready ({Backend}): journal and catalog migrated")]
    private static partial void LogMigrated(ILogger logger, string backend);
}
