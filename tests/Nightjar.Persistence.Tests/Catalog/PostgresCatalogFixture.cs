using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Catalog;

/// <summary>A fresh PostgreSQL database per test class (from NIGHTJAR_TEST_PG), with the journal and the catalog migrated.</summary>
public sealed class PostgresCatalogFixture : IAsyncLifetime
{
    private PostgresTestStore? _store;

    public PostgresTestStore Store => _store ?? throw new InvalidOperationException("The PostgreSQL fixture did not start; see the first failure.");

    public async Task InitializeAsync()
    {
        _store = await PostgresServer.CreateDatabaseAsync();
        await _store.MigrateAllAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
