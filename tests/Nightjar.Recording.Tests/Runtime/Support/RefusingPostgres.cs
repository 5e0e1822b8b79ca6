using Npgsql;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Runtime.Support;

/// <summary>
/// A fresh PostgreSQL database (on <c>NIGHTJAR_TEST_PG</c>) with the journal and catalog migrated and a trigger that
/// refuses every <c>dvr/%</c> append with the cluster fence's SQLSTATE <c>NJF01</c>, exactly as the fence answers a
/// node that no longer owns the camera. The pattern is the fence's own, so other ids pass as they would there.
/// </summary>
public sealed class RefusingPostgres : IAsyncLifetime
{
    private const string RefuseDvr = """
        CREATE FUNCTION test_refuse_dvr_append() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.persistence_id LIKE 'dvr/%' THEN
            RAISE EXCEPTION 'camera % is not owned by this process: DVR append refused', split_part(NEW.persistence_id, '/', 2)
              USING ERRCODE = 'NJF01';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_refuse_dvr BEFORE INSERT ON event_journal FOR EACH ROW EXECUTE FUNCTION test_refuse_dvr_append();
        """;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("nj_refusing_");
        var (journal, catalog) = await OpenAsync();
        await using (journal)
        {
            await ((IAsyncDisposable)catalog).DisposeAsync();
        }

        await using var admin = new NpgsqlConnection(ConnectionString);
        await admin.OpenAsync();
        await using var trigger = new NpgsqlCommand(RefuseDvr, admin);
        await trigger.ExecuteNonQueryAsync();
    }

    /// <summary>A migrated journal (recording types registered) and catalog on the database; the caller disposes both.</summary>
    public async Task<(IEventJournal Journal, ISegmentCatalog Catalog)> OpenAsync()
    {
        var registry = new EventTypeRegistry();
        RecordingEngine.RegisterJournalTypes(registry);
        var options = new EventJournalOptions { ConnectionString = ConnectionString };
        var journal = EventJournalFactory.Create(options, registry);
        await journal.MigrateAsync(CancellationToken.None);
        var catalog = SegmentCatalogFactory.Create(options);
        await catalog.MigrateAsync(CancellationToken.None);
        return (journal, catalog);
    }

    public async Task DisposeAsync()
    {
        if (ConnectionString.Length == 0)
        {
            return;
        }

        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
