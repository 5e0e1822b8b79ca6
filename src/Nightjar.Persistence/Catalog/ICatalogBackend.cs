using Nightjar.Persistence.Migrations;

namespace Nightjar.Persistence.Catalog;

/// <summary>The catalog's SQL for one engine; arguments arrive validated and in stored units.</summary>
internal interface ICatalogBackend : IAsyncDisposable
{
    /// <summary>"postgresql" or "sqlite".</summary>
    string Name { get; }

    IReadOnlyList<JournalMigration> Migrations { get; }

    Task MigrateAsync(IReadOnlyList<JournalMigration> migrations, CancellationToken cancellationToken);

    Task<IReadOnlyList<AppliedMigration>> ReadAppliedMigrationsAsync(CancellationToken cancellationToken);

    // A null storage root means every root (single node); a name keeps the rows of that root only (one node of a cluster).

    /// <summary>
    /// One transaction: the checkpoint first (it must not be behind the stored offset), then the changes in order.
    /// </summary>
    /// <returns>False when the checkpoint is behind the stored offset: nothing was written.</returns>
    Task<bool> ApplyAsync(IReadOnlyList<CatalogChange> changes, ProjectionCheckpoint? checkpoint, DateTimeOffset updatedAt, CancellationToken cancellationToken);

    Task<JournalOffset?> ReadProjectionOffsetAsync(string projection, CancellationToken cancellationToken);

    Task<IReadOnlyList<CatalogSegment>> FindAsync(CatalogWindow window, CancellationToken cancellationToken);

    Task<CatalogSegment?> GetAsync(long id, CancellationToken cancellationToken);

    Task<CatalogSegment?> GetByPathAsync(string path, CancellationToken cancellationToken);

    Task<IReadOnlyList<CatalogSegment>> LatestAsync(string source, string stream, string? storageRoot, int count, CancellationToken cancellationToken);

    Task<IReadOnlyList<CatalogStreamSummary>> SummarizeAsync(string? source, string? storageRoot, CancellationToken cancellationToken);

    Task<IReadOnlyList<CatalogSegment>> OldestAsync(string? source, string? storageRoot, long? endingBeforeUs, CatalogCursor? after, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<CatalogSegment>> InStateAsync(CatalogSegmentState state, string? storageRoot, CatalogCursor? after, int limit, CancellationToken cancellationToken);
}
