using Microsoft.Data.Sqlite;
using Nightjar.Persistence.Sqlite;
using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Sqlite;

/// <summary>
/// SQLite specifics. Writers are serialized by the database's write lock, so ordering is commit order and a reader's
/// snapshot is always a gap-free prefix of the feed; these tests hold that lock from outside to show it.
/// </summary>
public sealed class SqliteStorageTests(SqliteStoreFixture fixture) : IClassFixture<SqliteStoreFixture>
{
    private readonly SqliteTestStore _store = fixture.Store;

    [Fact]
    public async Task MigrateAsync_CreatesAWalDatabaseNamedNightjarDbInTheDataPath()
    {
        var path = Path.Combine(_store.DataPath, "nightjar.db");

        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        (await command.ExecuteScalarAsync()).Should().Be("wal");
        File.Exists(path + "-wal").Should().BeTrue("WAL mode keeps a -wal file while connections are open");
    }

    [Fact]
    public async Task ReadByTagAsync_AnotherProcessHoldsTheWriteLock_ReaderSeesNoGapAndCommitOrder()
    {
        await using var journal = _store.CreateJournal();
        var tag = TestTypes.NewId("tag");
        await using var outsider = new SqliteConnection($"Data Source={Path.Combine(_store.DataPath, "nightjar.db")};Pooling=False");
        await outsider.OpenAsync();
        await using var transaction = outsider.BeginTransaction(deferred: false);
        await using (var insert = outsider.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO event_journal (persistence_id, sequence_nr, event_type, payload, writer_uuid, created_at)
                VALUES ('outsider', 1, 'test.item-added.v1', '{"name":"outsider","value":1}', 'x', 0);
                INSERT INTO event_tag (tag, ordering, persistence_id, sequence_nr) VALUES ($tag, last_insert_rowid(), 'outsider', 1);
                """;
            insert.Parameters.AddWithValue("$tag", tag);
            await insert.ExecuteNonQueryAsync();
        }

        // The journal's append must wait for the outsider's lock (busy_timeout), so it cannot commit in between.
        var append = journal.AppendAsync(TestTypes.NewId(), 0, TestTypes.Items(1, 1, tag), CancellationToken.None);
        (await journal.ReadByTagAsync(tag, JournalOffset.Start, 10, CancellationToken.None)).Should().BeEmpty();
        append.IsCompleted.Should().BeFalse("the write lock is held by the outsider");

        await transaction.CommitAsync();
        await append;

        var delivered = await journal.ReadByTagAsync(tag, JournalOffset.Start, 10, CancellationToken.None);
        delivered.Select(e => ((ItemAdded)e.Payload).Name).Should().Equal("outsider", "item-1");
        delivered.Select(e => e.Offset.Ordering).Should().BeInAscendingOrder();
        delivered.Should().OnlyContain(e => e.Offset.TransactionId == 0);
    }

    [Fact]
    public async Task AppendAsync_TwoJournalsOnOneFile_BothWriteWithoutBusyErrors()
    {
        await using var first = _store.CreateJournal();
        await using var second = _store.CreateJournal();

        var writes = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).AppendAsync(TestTypes.NewId(), 0, TestTypes.Items(3), CancellationToken.None));

        (await Task.WhenAll(writes)).Should().AllBeEquivalentTo(3L);
    }

    [Fact]
    public void Time_RoundTripsAtMicrosecondPrecision()
    {
        var time = new DateTimeOffset(2026, 11, 21, 10, 20, 30, TimeSpan.Zero).AddTicks(1234567);

        SqliteTime.FromMicroseconds(SqliteTime.ToMicroseconds(time)).Should().Be(time.AddTicks(-(time.Ticks % 10)));
        SqliteTime.FromMicroseconds(SqliteTime.ToMicroseconds(time.ToOffset(TimeSpan.FromHours(2)))).Should().Be(time.AddTicks(-7));
    }
}
