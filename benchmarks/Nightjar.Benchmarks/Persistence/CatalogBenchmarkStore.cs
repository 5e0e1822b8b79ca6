using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Npgsql;

namespace Nightjar.Benchmarks.Persistence;

/// <summary>
/// A throw-away segment catalog filled with 30 days of 60 s segments for 10 streams (432,000 rows), in a temp SQLite
/// directory or a fresh PostgreSQL database (from NIGHTJAR_TEST_PG).
/// </summary>
public sealed class CatalogBenchmarkStore : IAsyncDisposable
{
    public const int Streams = 10;
    public const int Days = 30;
    public const int SegmentsPerStream = Days * 24 * 60;

    /// <summary>The first segment's start; rows cover [Start, Start + 30 days).</summary>
    public static readonly DateTimeOffset Start = new(2026, 10, 22, 0, 0, 0, TimeSpan.Zero);

    // About what the domain's GOP index takes for 60 s of 2 s GOPs (GopIndex.Encode).
    private static readonly string GopIndex = string.Concat(Enumerable.Repeat("AR4Ag5_1wSHj8gEAq4EE3_8BAMnbAQ-", 8));

    private readonly string? _adminConnectionString;
    private readonly string? _database;
    private readonly string? _directory;

    private CatalogBenchmarkStore(ISegmentCatalog catalog, string? adminConnectionString, string? database, string? directory)
    {
        Catalog = catalog;
        _adminConnectionString = adminConnectionString;
        _database = database;
        _directory = directory;
    }

    public ISegmentCatalog Catalog { get; }

    public static string Source(int stream) => $"cam-{stream:D2}";

    public static async Task<CatalogBenchmarkStore> CreateAsync(string backend)
    {
        CatalogBenchmarkStore store;
        if (backend == "postgresql")
        {
            var admin = Environment.GetEnvironmentVariable("NIGHTJAR_TEST_PG");
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new InvalidOperationException("NIGHTJAR_TEST_PG is not set: the PostgreSQL catalog benchmarks need a server (./nightjar bench starts one).");
            }

            var database = $"nj_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var options = new EventJournalOptions { ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString };
            store = new CatalogBenchmarkStore(SegmentCatalogFactory.Create(options), admin, database, null);
        }
        else
        {
            var directory = Path.Combine(Path.GetTempPath(), $"nj-bench-catalog-{Guid.NewGuid():N}");
            store = new CatalogBenchmarkStore(SegmentCatalogFactory.Create(new EventJournalOptions { DataPath = directory }), null, null, directory);
        }

        await store.Catalog.MigrateAsync(CancellationToken.None);
        await store.FillAsync();
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await ((IAsyncDisposable)Catalog).DisposeAsync();
        if (_database is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>
    /// Minute by minute, every stream's segment, as the recorders would write them: one stream's rows are spread over
    /// the table, not clustered, so a query pays for scattered row reads like on a real node.
    /// </summary>
    private async Task FillAsync()
    {
        const int Batch = 5_000;
        var changes = new List<CatalogChange>(Batch);
        for (var minute = 0; minute < SegmentsPerStream; minute++)
        {
            var start = Start.AddMinutes(minute);
            for (var stream = 0; stream < Streams; stream++)
            {
                var source = Source(stream);
                changes.Add(new CatalogChange.Upsert(new CatalogSegment(
                    0,
                    source,
                    "main",
                    $"01JRUN{minute / 1440:D20}",
                    $"{source}/{start:yyyy}/{start:MM}/{start:dd}/01JRUN{minute / 1440:D20}/{start.ToUnixTimeSeconds()}.ts",
                    "root0",
                    start.AddMilliseconds(stream * 37),
                    start.AddMinutes(1).AddMilliseconds(stream * 37),
                    7_500_000 + minute % 1000,
                    GopIndex,
                    CatalogSegmentState.Recorded)));
                if (changes.Count == Batch)
                {
                    await Catalog.ApplyAsync(changes, null, CancellationToken.None);
                    changes.Clear();
                }
            }
        }

        await Catalog.ApplyAsync(changes, null, CancellationToken.None);
        if (_database is not null)
        {
            // A long-running server has analyzed the table by autovacuum; a freshly filled one has not.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ConnectionString);
            await connection.OpenAsync();
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE segments", connection);
            await analyze.ExecuteNonQueryAsync();
        }
    }
}
