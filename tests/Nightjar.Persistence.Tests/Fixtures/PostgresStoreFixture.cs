namespace Nightjar.Persistence.Tests.Fixtures;

/// <summary>A migrated database per test class.</summary>
public sealed class PostgresStoreFixture : IAsyncLifetime
{
    private PostgresTestStore? _store;

    public PostgresTestStore Store => _store ?? throw new InvalidOperationException("The PostgreSQL fixture did not start; see the first failure.");

    public async Task InitializeAsync()
    {
        _store = await PostgresServer.CreateDatabaseAsync();
        await _store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
