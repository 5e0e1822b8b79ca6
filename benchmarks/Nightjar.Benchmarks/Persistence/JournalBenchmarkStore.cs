using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Npgsql;

namespace Nightjar.Benchmarks.Persistence;

/// <summary>A throw-away journal for one benchmark: a fresh PostgreSQL database (from NIGHTJAR_TEST_PG) or a temp SQLite directory.</summary>
public sealed class JournalBenchmarkStore : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _database;
    private readonly string? _directory;

    private JournalBenchmarkStore(IEventJournal journal, string? adminConnectionString, string? database, string? directory)
    {
        Journal = journal;
        _adminConnectionString = adminConnectionString;
        _database = database;
        _directory = directory;
    }

    public IEventJournal Journal { get; }

    public static async Task<JournalBenchmarkStore> CreateAsync(string backend)
    {
        var registry = new EventTypeRegistry().Register<BenchEvent>();
        JournalBenchmarkStore store;
        if (backend == "postgresql")
        {
            var admin = Environment.GetEnvironmentVariable("NIGHTJAR_TEST_PG");
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new InvalidOperationException("NIGHTJAR_TEST_PG is not set: the PostgreSQL journal benchmarks need a server (./nightjar bench starts one).");
            }

            var database = $"nj_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var options = new EventJournalOptions { ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString };
            store = new JournalBenchmarkStore(EventJournalFactory.Create(options, registry), admin, database, null);
        }
        else
        {
            var directory = Path.Combine(Path.GetTempPath(), $"nj-bench-{Guid.NewGuid():N}");
            store = new JournalBenchmarkStore(EventJournalFactory.Create(new EventJournalOptions { DataPath = directory }, registry), null, null, directory);
        }

        await store.Journal.MigrateAsync(CancellationToken.None);
        return store;
    }

    public static EventToPersist Event(string camera, long n, string tag) =>
        new(new BenchEvent(camera, "main", 1_790_000_000_000 + (n * 60_000), 60_000, 7_500_000, $"/var/lib/nightjar/root0/{camera}/main/{n:D8}.ts"), [tag, $"camera:{camera}"]);

    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
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
}
