using Nightjar.Persistence.Tests.Fixtures;
using Npgsql;

namespace Nightjar.Persistence.Tests.Catalog;

/// <summary>The catalog conformance suite on PostgreSQL (a fresh database per class, from NIGHTJAR_TEST_PG).</summary>
public sealed class PostgresSegmentCatalogTests(PostgresCatalogFixture fixture)
    : SegmentCatalogConformanceTests(fixture.Store), IClassFixture<PostgresCatalogFixture>
{
    protected override async Task<JournalTestStore> CreateFreshStoreAsync() => await PostgresServer.CreateDatabaseAsync();

    protected override async Task InstallFailingTriggerAsync(JournalTestStore store, string marker)
    {
        await using var connection = new NpgsqlConnection(((PostgresTestStore)store).ConnectionString);
        await connection.OpenAsync();
        // Test-controlled marker; DDL takes no parameters.
        await using var command = new NpgsqlCommand(
            $"""
            CREATE FUNCTION nj_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'injected failure for %', NEW.path; END $$;
            CREATE TRIGGER nj_test_fail BEFORE INSERT ON segments FOR EACH ROW
            WHEN (strpos(NEW.path, '{marker}') > 0) EXECUTE FUNCTION nj_test_fail();
            """,
            connection);
        await command.ExecuteNonQueryAsync();
    }
}
