namespace Nightjar.Persistence.Tests.Fixtures;

/// <summary>A migrated SQLite file in a temp directory per test class.</summary>
public sealed class SqliteStoreFixture : IAsyncLifetime
{
    public SqliteTestStore Store { get; } = new();

    public Task InitializeAsync() => Store.MigrateAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
