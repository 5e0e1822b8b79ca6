using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Catalog;

/// <summary>A SQLite file in a temp directory per test class, with the journal and the catalog migrated.</summary>
public sealed class SqliteCatalogFixture : IAsyncLifetime
{
    public SqliteTestStore Store { get; } = new();

    public Task InitializeAsync() => Store.MigrateAllAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
