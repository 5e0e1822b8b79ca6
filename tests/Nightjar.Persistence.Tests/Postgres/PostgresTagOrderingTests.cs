using Nightjar.Persistence.Tests.Fixtures;
using Npgsql;

namespace Nightjar.Persistence.Tests.Postgres;

/// <summary>
/// The bigserial-gap problem with real concurrent transactions. The guarantee under test: the tag and all-events
/// feeds deliver events ordered by (writing transaction id, ordering), and deliver an event only once every
/// transaction with a lower id has ended. A transaction that commits late therefore holds the feed back; it is
/// never skipped, and nothing is delivered twice. This is neither pure commit order nor pure ordering-column order:
/// it is the order in which transactions got their ids, then the order of rows inside one transaction.
/// </summary>
public sealed class PostgresTagOrderingTests(PostgresStoreFixture fixture) : IClassFixture<PostgresStoreFixture>
{
    private readonly PostgresTestStore _store = fixture.Store;

    [Fact]
    public async Task ReadByTagAsync_LaterOrderingCommitsFirst_WaitsForTheEarlierOneThenDeliversBothInOrder()
    {
        await using var journal = _store.CreateJournal(configure: o => o.PollInterval = TimeSpan.FromMilliseconds(20));
        using var recorder = new MetricRecorder(journal);
        var tag = TestTypes.NewId("tag");
        var live = new List<JournalEvent>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var subscriber = Task.Run(async () =>
        {
            await foreach (var e in journal.SubscribeByTagAsync(tag, JournalOffset.Start, stop.Token))
            {
                lock (live)
                {
                    live.Add(e);
                }
            }
        });

        await using var connectionA = await OpenAsync();
        await using var transactionA = await connectionA.BeginTransactionAsync();
        var a = await InsertRawAsync(connectionA, transactionA, "late-A", tag);
        await using var connectionB = await OpenAsync();
        await using var transactionB = await connectionB.BeginTransactionAsync();
        var b = await InsertRawAsync(connectionB, transactionB, "early-B", tag);
        a.Ordering.Should().BeLessThan(b.Ordering, "A inserted first");
        a.TxId.Should().BeLessThan(b.TxId, "A got its transaction id first");

        await transactionB.CommitAsync();

        (await NaiveOrderingsAsync(tag)).Should().Equal([b.Ordering], "a plain 'ordering > offset' reader would now pass A's hole for good");
        (await journal.ReadByTagAsync(tag, JournalOffset.Start, 10, CancellationToken.None)).Should().BeEmpty("B must not be delivered past A");
        (await journal.ReadAllAsync(new JournalOffset(a.TxId - 1, long.MaxValue), 10, CancellationToken.None)).Should().BeEmpty("the all-events feed holds B back too");
        var readsBefore = recorder.Count("nightjar.journal.tag_reads");
        await Eventually.UntilAsync(() => recorder.Count("nightjar.journal.tag_reads") >= readsBefore + 3, "the live subscriber polled three more times");
        lock (live)
        {
            live.Should().BeEmpty("the live feed must not deliver B while A is in flight");
        }

        await transactionA.CommitAsync();

        await Eventually.UntilAsync(() => { lock (live) { return live.Count >= 2; } }, "the live feed delivered A and B");
        await stop.CancelAsync();
        await subscriber.Invoking(s => s).Should().ThrowAsync<OperationCanceledException>();
        live.Select(e => e.PersistenceId).Should().Equal("late-A", "early-B");
        live.Select(e => e.Offset).Should().Equal(new JournalOffset(a.TxId, a.Ordering), new JournalOffset(b.TxId, b.Ordering));
        (await journal.ReadByTagAsync(tag, JournalOffset.Start, 10, CancellationToken.None)).Select(e => e.PersistenceId).Should().Equal("late-A", "early-B");
    }

    [Fact]
    public async Task ReadByTagAsync_TransactionIdOrderDiffersFromOrdering_DeliversByTransactionIdAndSkipsNothing()
    {
        await using var journal = _store.CreateJournal();
        var tag = TestTypes.NewId("tag");

        // X takes its transaction id first but inserts last; Y inserts in between and commits first.
        await using var connectionX = await OpenAsync();
        await using var transactionX = await connectionX.BeginTransactionAsync();
        await using (var takeId = new NpgsqlCommand("SELECT pg_current_xact_id()", connectionX, transactionX))
        {
            await takeId.ExecuteScalarAsync();
        }

        await using var connectionY = await OpenAsync();
        await using var transactionY = await connectionY.BeginTransactionAsync();
        var y = await InsertRawAsync(connectionY, transactionY, "Y", tag);
        var x = await InsertRawAsync(connectionX, transactionX, "X", tag);
        x.TxId.Should().BeLessThan(y.TxId);
        x.Ordering.Should().BeGreaterThan(y.Ordering);

        await transactionY.CommitAsync();
        (await journal.ReadByTagAsync(tag, JournalOffset.Start, 10, CancellationToken.None)).Should().BeEmpty("X, with the lower id, is still running");
        await transactionX.CommitAsync();

        var delivered = await Eventually.VisibleAsync(() => journal.ReadByTagAsync(tag, JournalOffset.Start, 10, CancellationToken.None), 2);
        delivered.Select(e => e.PersistenceId).Should().Equal("X", "Y");
        delivered.Select(e => e.Offset).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task SubscribeByTagAsync_HeldBackByATransactionThatEndsWithoutNotifying_DeliveredWithoutWaitingForAPoll()
    {
        // No hints and a one-minute poll: only the held-back re-poll can deliver in time once the blocker ends.
        await using var journal = _store.CreateJournal(configure: o =>
        {
            o.PollInterval = TimeSpan.FromMinutes(1);
            o.UseDatabaseNotifications = false;
        });
        using var recorder = new MetricRecorder(journal);
        var tag = TestTypes.NewId("tag");
        await using var blocker = await OpenAsync();
        await using var blockingTransaction = await blocker.BeginTransactionAsync();
        await using (var takeId = new NpgsqlCommand("SELECT pg_current_xact_id()", blocker, blockingTransaction))
        {
            await takeId.ExecuteScalarAsync();
        }

        await journal.AppendAsync(TestTypes.NewId(), 0, TestTypes.Items(2, 1, tag), CancellationToken.None);
        var live = Eventually.TakeAsync(journal.SubscribeByTagAsync(tag, JournalOffset.Start, CancellationToken.None), 2);
        await Eventually.UntilAsync(() => recorder.Count("nightjar.journal.tag_reads") >= 3, "the feed re-polled while the events were held back");
        live.IsCompleted.Should().BeFalse();

        await blockingTransaction.RollbackAsync();

        (await live).Select(e => e.SequenceNr).Should().Equal(1, 2);
    }

    [Fact]
    public async Task SubscribeByTagAsync_AnotherNodeAppends_WakesThroughListenNotifyBeforeAnyPoll()
    {
        // Polling once a minute: only the NOTIFY of the other node's commit can deliver within the deadline.
        await using var subscriberNode = _store.CreateJournal(configure: o => o.PollInterval = TimeSpan.FromMinutes(1));
        await using var writerNode = _store.CreateJournal();
        using var recorder = new MetricRecorder(subscriberNode);
        var tag = TestTypes.NewId("tag");

        var live = Eventually.TakeAsync(subscriberNode.SubscribeByTagAsync(tag, JournalOffset.Start, CancellationToken.None), 1, TimeSpan.FromSeconds(30));
        // The listener wakes the feed once when it starts listening: after that read, only a new NOTIFY helps.
        await Eventually.UntilAsync(() => recorder.Count("nightjar.journal.tag_reads") >= 2, "the subscriber is listening and caught up");
        await writerNode.AppendAsync(TestTypes.NewId(), 0, TestTypes.Items(1, 1, tag), CancellationToken.None);

        (await live).Should().ContainSingle();
    }

    [Fact]
    public async Task AppendAsync_PayloadPostgresRejectsInsideABatch_FailsOnlyThatAppend()
    {
        // jsonb refuses \u0000: a per-append data error that aborts the transaction, so the writer must retry the rest.
        await using var journal = _store.CreateJournal();
        var pids = Enumerable.Range(0, 30).Select(_ => TestTypes.NewId()).ToList();
        var bad = TestTypes.NewId();

        var good = pids.Select(pid => journal.AppendAsync(pid, 0, TestTypes.Items(1), CancellationToken.None)).ToList();
        var rejected = journal.AppendAsync(bad, 0, [TestTypes.Item("nul\0byte", 1)], CancellationToken.None);
        var moreGood = pids.Select(pid => journal.AppendAsync(pid + "-2", 0, TestTypes.Items(1), CancellationToken.None)).ToList();

        await rejected.Invoking(t => t).Should().ThrowAsync<PostgresException>();
        (await Task.WhenAll(good.Concat(moreGood))).Should().AllBeEquivalentTo(1L);
        (await journal.ReadHighestSequenceNrAsync(bad, CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task AppendAsync_TriggerRefusesOneAppendInsideABatch_FailsOnlyThatAppend()
    {
        // The cluster's DVR fence is a trigger raising SQLSTATE class NJ for one row: like a data error, it is that
        // append's failure, not the batch's.
        var refusedPrefix = TestTypes.NewId("refused");
        var function = "refuse_" + refusedPrefix.Replace("-", "_", StringComparison.Ordinal);
        await using (var connection = await OpenAsync())
        {
            await using var create = new NpgsqlCommand($"""
                CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $f$
                BEGIN
                  IF NEW.persistence_id LIKE '{refusedPrefix}%' THEN
                    RAISE EXCEPTION 'fenced: %', NEW.persistence_id USING ERRCODE = 'NJF01';
                  END IF;
                  RETURN NEW;
                END $f$;
                CREATE TRIGGER {function} BEFORE INSERT ON event_journal FOR EACH ROW EXECUTE FUNCTION {function}();
                """, connection);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            await using var journal = _store.CreateJournal();
            var pids = Enumerable.Range(0, 20).Select(_ => TestTypes.NewId()).ToList();
            var good = pids.Select(pid => journal.AppendAsync(pid, 0, TestTypes.Items(1), CancellationToken.None)).ToList();
            var refused = Enumerable.Range(0, 5).Select(i => journal.AppendAsync($"{refusedPrefix}-{i}", 0, TestTypes.Items(1), CancellationToken.None)).ToList();

            foreach (var append in refused)
            {
                (await append.Invoking(t => t).Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be("NJF01");
            }

            (await Task.WhenAll(good)).Should().AllBeEquivalentTo(1L, "appends batched with refused ones are rewritten without them");
            (await journal.ReadHighestSequenceNrAsync($"{refusedPrefix}-0", CancellationToken.None)).Should().Be(0);
        }
        finally
        {
            await using var connection = await OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP TRIGGER {function} ON event_journal; DROP FUNCTION {function}();", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_store.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Inserts one tagged event the way the journal does, inside a transaction the test controls.</summary>
    private static async Task<(ulong TxId, long Ordering)> InsertRawAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string persistenceId, string tag)
    {
        await using var command = new NpgsqlCommand("""
            WITH e AS (
                INSERT INTO event_journal (persistence_id, sequence_nr, event_type, payload, writer_uuid, created_at)
                VALUES ($1, 1, 'test.item-added.v1', '{"name":"raw","value":1}', gen_random_uuid(), now())
                RETURNING tx_id, ordering, persistence_id, sequence_nr
            ), t AS (
                INSERT INTO event_tag (tag, tx_id, ordering, persistence_id, sequence_nr)
                SELECT $2, tx_id, ordering, persistence_id, sequence_nr FROM e
            )
            SELECT tx_id, ordering FROM e
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = persistenceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tag });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
    }

    private async Task<List<long>> NaiveOrderingsAsync(string tag)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT ordering FROM event_tag WHERE tag = $1 AND ordering > 0 ORDER BY ordering", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tag });
        var orderings = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            orderings.Add(reader.GetInt64(0));
        }

        return orderings;
    }
}
