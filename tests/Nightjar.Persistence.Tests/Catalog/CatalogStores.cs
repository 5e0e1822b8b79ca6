using Nightjar.Persistence.Catalog;
using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Catalog;

/// <summary>Opens catalogs on the journal test stores (same database, same SQLite file as the journal).</summary>
internal static class CatalogStores
{
    public static SegmentCatalog CreateCatalog(this JournalTestStore store, SegmentCatalogOptions? options = null) =>
        (SegmentCatalog)SegmentCatalogFactory.Create(store.CreateOptions(), catalogOptions: options);

    /// <summary>Migrates the journal and the catalog, as a node does at start.</summary>
    public static async Task MigrateAllAsync(this JournalTestStore store)
    {
        await store.MigrateAsync();
        await using var catalog = store.CreateCatalog();
        await catalog.MigrateAsync(CancellationToken.None);
    }
}
