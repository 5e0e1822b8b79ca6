using Microsoft.Data.Sqlite;
using Nightjar.Persistence.Catalog;
using Nightjar.Persistence.Sqlite;
using Nightjar.Persistence.Tests.Fixtures;
using static Nightjar.Persistence.Tests.Catalog.TestSegments;

namespace Nightjar.Persistence.Tests.Catalog;

/// <summary>SQLite specifics: the catalog lives in the journal's file, shares its write gate, and clusters rows by stream.</summary>
public sealed class SqliteCatalogStorageTests(SqliteCatalogFixture fixture) : IClassFixture<SqliteCatalogFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SqliteTestStore _store = fixture.Store;

    [Fact]
    public async Task Create_SameDataPathSpelledTwoWays_SharesTheJournalsFileAndWriteGate()
    {
        await using var journal = _store.CreateJournal();
        var otherSpelling = Path.Combine(_store.DataPath, "..", Path.GetFileName(_store.DataPath));
        await using var catalog = (SegmentCatalog)SegmentCatalogFactory.Create(new EventJournalOptions { DataPath = otherSpelling });

        var journalBackend = (SqliteJournal)((EventJournal)journal).Store;
        var catalogBackend = (SqliteSegmentCatalog)catalog.Store;

        catalog.Backend.Should().Be("sqlite");
        catalogBackend.FilePath.Should().Be(journalBackend.FilePath).And.EndWith("/nightjar.db");
        catalogBackend.WriteGate.Should().BeSameAs(journalBackend.WriteGate);
    }

    [Fact]
    public async Task MigrateAsync_PutsTheCatalogTablesInNightjarDb()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_store.DataPath, "nightjar.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('segments', 'projection_offset', 'event_journal') ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        tables.Should().Equal("event_journal", "projection_offset", "segments");
    }

    [Fact]
    public async Task FindAsync_QueryPlan_IsAnIndexRangeOnStartNotAStreamScan()
    {
        var plan = await ExplainAsync(SqliteSegmentCatalog.FindSql, "$source", "$stream", "$earliest", "$from", "$to", "$all");

        plan.Should().Equal(
            ["SEARCH segments USING INDEX segments_stream_start (source=? AND stream=? AND start_us>? AND start_us<?)"],
            "the lookback bound turns the overlap test into a range on start, already in ORDER BY order");
    }

    [Fact]
    public async Task LatestAndSummarize_QueryPlans_AnswerFromTheStreamIndexAlone()
    {
        (await ExplainAsync(SqliteSegmentCatalog.LatestSql, "$source", "$stream", "$count"))
            .Should().Equal("SEARCH segments USING INDEX segments_stream_start (source=? AND stream=?)");
        (await ExplainAsync(SqliteSegmentCatalog.SummarizeSql(oneSource: true), "$source"))
            .Should().Equal("SEARCH segments USING COVERING INDEX segments_stream_start (source=?)");
        (await ExplainAsync(SqliteSegmentCatalog.SummarizeSql(oneSource: false)))
            .Should().Equal("SCAN segments USING COVERING INDEX segments_stream_start");
    }

    [Fact]
    public async Task JournalAndCatalog_ConcurrentWritersAndReaders_NeverFail()
    {
        await using var journal = _store.CreateJournal();
        await using var catalogA = _store.CreateCatalog();
        await using var catalogB = _store.CreateCatalog();
        var source = NewSource();
        const int Rounds = 30;
        using var writersDone = new CancellationTokenSource();

        var appenders = Enumerable.Range(0, 4).Select(task => Task.Run(async () =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                await journal.AppendAsync(TestTypes.NewId($"load-{task}"), 0, TestTypes.Items(2), None);
            }
        }));
        var appliers = Enumerable.Range(0, 4).Select(task => Task.Run(async () =>
        {
            var catalog = task % 2 == 0 ? catalogA : catalogB;
            for (var i = 0; i < Rounds; i++)
            {
                var start = T0.AddHours(task).AddMinutes(i * 5);
                var segments = Enumerable.Range(0, 5).Select(k => Make(source, start.AddMinutes(k), TimeSpan.FromMinutes(1), path: $"{source}/{task}/{i}/{k}.ts"));
                await catalog.ApplyAsync(Upserts(segments), new ProjectionCheckpoint($"load-{task}", new JournalOffset(0, i + 1)), None);
            }
        }));
        var writers = Task.WhenAll(appenders.Concat(appliers));
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!writers.IsCompleted || reads == 0)
            {
                await catalogA.FindAsync(source, "main", T0, T0.AddDays(1), includeLost: false, None);
                await journal.ReadAllAsync(JournalOffset.Start, 50, None);
                reads++;
            }

            return reads;
        })).ToList();

        var all = Task.WhenAll(writers, Task.WhenAll(readers));
        var finished = await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60)));

        finished.Should().BeSameAs(all, "the load must finish within the deadline");
        await all;
        (await catalogA.FindAsync(source, "main", T0, T0.AddDays(1), includeLost: false, None)).Should().HaveCount(4 * Rounds * 5);
        for (var task = 0; task < 4; task++)
        {
            (await catalogB.GetProjectionOffsetAsync($"load-{task}", None)).Should().Be(new JournalOffset(0, Rounds));
        }
    }

    [Fact]
    public async Task ApplyAsync_InterleavedStreams_IdsClusterByStreamAndGrowWithinIt()
    {
        await using var catalog = _store.CreateCatalog();
        var a = NewSource();
        var b = NewSource();
        var interleaved = Enumerable.Range(0, 3).SelectMany(i => new[] { Make(a, T0.AddMinutes(i), TimeSpan.FromMinutes(1)), Make(b, T0.AddMinutes(i), TimeSpan.FromMinutes(1)) });
        await catalog.ApplyAsync(Upserts(interleaved), null, None);

        var idsA = (await catalog.FindAsync(a, "main", T0, T0.AddHours(1), includeLost: false, None)).Select(s => s.Id).ToList();
        var idsB = (await catalog.FindAsync(b, "main", T0, T0.AddHours(1), includeLost: false, None)).Select(s => s.Id).ToList();

        idsA.Select(id => id >> 32).Distinct().Should().ContainSingle("one stream's rows share the high half of their ids");
        idsB.Select(id => id >> 32).Distinct().Should().ContainSingle().Which.Should().NotBe(idsA[0] >> 32);
        idsA.Select(id => id & uint.MaxValue).Should().Equal(1L, 2L, 3L);
        idsB.Select(id => id & uint.MaxValue).Should().Equal(1L, 2L, 3L);
    }

    [Fact]
    public async Task ApplyAsync_OffsetBeyondSqliteRange_ThrowsAndStoresNothing()
    {
        await using var catalog = _store.CreateCatalog();
        var segment = Make(NewSource(), T0, TimeSpan.FromMinutes(1));

        var apply = () => catalog.ApplyAsync([new CatalogChange.Upsert(segment)], new ProjectionCheckpoint("huge", new JournalOffset(ulong.MaxValue, 1)), None);

        await apply.Should().ThrowAsync<ArgumentException>().WithMessage("*not a SQLite journal offset*");
        (await catalog.GetByPathAsync(segment.Path, None)).Should().BeNull();
    }

    private async Task<List<string>> ExplainAsync(string sql, params string[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_store.DataPath, "nightjar.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in parameters)
        {
            command.Parameters.AddWithValue(name, 0);
        }

        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return details;
    }
}
