using Microsoft.Data.Sqlite;
using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Catalog;

/// <summary>The catalog conformance suite on SQLite (a temp data directory per class, shared with the journal).</summary>
public sealed class SqliteSegmentCatalogTests(SqliteCatalogFixture fixture)
    : SegmentCatalogConformanceTests(fixture.Store), IClassFixture<SqliteCatalogFixture>
{
    protected override Task<JournalTestStore> CreateFreshStoreAsync() => Task.FromResult<JournalTestStore>(new SqliteTestStore());

    protected override async Task InstallFailingTriggerAsync(JournalTestStore store, string marker)
    {
        var path = Path.Combine(((SqliteTestStore)store).DataPath, EventJournalOptions.SqliteFileName);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Test-controlled marker; DDL takes no parameters.
        command.CommandText = $"""
            CREATE TRIGGER nj_test_fail BEFORE INSERT ON segments WHEN instr(NEW.path, '{marker}') > 0
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
            """;
        await command.ExecuteNonQueryAsync();
    }
}
