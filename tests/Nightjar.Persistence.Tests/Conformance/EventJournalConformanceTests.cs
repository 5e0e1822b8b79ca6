using Nightjar.Actors.Persistence;
using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Conformance;

/// <summary>
/// The behaviour every journal backend must have. Runs unchanged against PostgreSQL and SQLite
/// (<see cref="PostgresJournalTests"/>, <see cref="SqliteJournalTests"/>); a backend only supplies its stores.
/// </summary>
public abstract partial class EventJournalConformanceTests(JournalTestStore store)
{
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The class's migrated store; tests use fresh persistence ids and tags, so they can share it.</summary>
    protected JournalTestStore Store { get; } = store;

    /// <summary>A new, empty, unmigrated store (for migration tests).</summary>
    protected abstract Task<JournalTestStore> CreateFreshStoreAsync();

    /// <summary>Options that point at storage which cannot be reached or opened.</summary>
    protected abstract EventJournalOptions CreateUnreachableOptions();

    [Fact]
    public async Task AppendAsync_NewStream_ReadsBackInOrderWithSequenceNumbers()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();

        var highest = await journal.AppendAsync(pid, 0, TestTypes.Items(3), None);
        highest.Should().Be(3);
        (await journal.AppendAsync(pid, 3, TestTypes.Items(2, firstValue: 4), None)).Should().Be(5);

        var events = await ReadAllEventsAsync(journal, pid);
        events.Select(e => e.SequenceNr).Should().Equal(1, 2, 3, 4, 5);
        events.Select(e => ((ItemAdded)e.Payload).Value).Should().Equal(1, 2, 3, 4, 5);
        events.Should().AllSatisfy(e =>
        {
            e.PersistenceId.Should().Be(pid);
            e.EventType.Should().Be("test.item-added.v1");
        });
        events.Select(e => e.Offset).Should().BeInAscendingOrder();
        (await journal.ReadHighestSequenceNrAsync(pid, None)).Should().Be(5);
    }

    [Fact]
    public async Task AppendAsync_StaleExpectedSequence_ThrowsConflictAndWritesNothing()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();
        await journal.AppendAsync(pid, 0, TestTypes.Items(2), None);

        var stale = () => journal.AppendAsync(pid, 0, TestTypes.Items(3, firstValue: 100), None);

        var conflict = (await stale.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        conflict.PersistenceId.Should().Be(pid);
        conflict.ExpectedSequenceNr.Should().Be(0);
        conflict.ActualSequenceNr.Should().Be(2);
        (await ReadAllEventsAsync(journal, pid)).Select(e => ((ItemAdded)e.Payload).Value).Should().Equal(1, 2);
        (await journal.ReadHighestSequenceNrAsync(pid, None)).Should().Be(2);
    }

    [Fact]
    public async Task AppendAsync_ExpectedAheadOfStream_ThrowsConflictAndWritesNothing()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();

        var ahead = () => journal.AppendAsync(pid, 5, TestTypes.Items(1), None);

        (await ahead.Should().ThrowAsync<ConcurrencyConflictException>()).Which.ActualSequenceNr.Should().Be(0);
        (await ReadAllEventsAsync(journal, pid)).Should().BeEmpty();
        (await journal.ReadHighestSequenceNrAsync(pid, None)).Should().Be(0);
    }

    [Fact]
    public async Task AppendAsync_TwoNodesRaceOnOneId_ExactlyOneWinsAndTheLoserWritesNothing()
    {
        // Two journal instances stand for two nodes: separate writer loops, separate transactions.
        await using var nodeA = Store.CreateJournal();
        await using var nodeB = Store.CreateJournal();
        for (var round = 0; round < 10; round++)
        {
            var pid = TestTypes.NewId();
            var a = nodeA.AppendAsync(pid, 0, TestTypes.Items(2, firstValue: 10), None);
            var b = nodeB.AppendAsync(pid, 0, TestTypes.Items(3, firstValue: 20), None);
            var results = await Task.WhenAll(Outcome(a), Outcome(b));

            results.Count(r => r == "written").Should().Be(1, "exactly one writer may win round {0}", round);
            results.Count(r => r == "conflict").Should().Be(1);
            var stored = (await ReadAllEventsAsync(nodeA, pid)).Select(e => ((ItemAdded)e.Payload).Value).ToList();
            stored.Should().Equal(results[0] == "written" ? [10, 11] : [20, 21, 22]);
        }
    }

    [Fact]
    public async Task AppendAsync_UnregisteredType_ThrowsNamingTheTypeAndWritesNothing()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();
        EventToPersist[] events = [TestTypes.Item("ok", 1), new(new NotRegisteredEvent("nope"), [])];

        var append = () => journal.AppendAsync(pid, 0, events, None);

        (await append.Should().ThrowAsync<UnregisteredEventTypeException>())
            .WithMessage("*NotRegisteredEvent*")
            .Which.ClrType.Should().Be<NotRegisteredEvent>();
        (await ReadAllEventsAsync(journal, pid)).Should().BeEmpty();
    }

    [Fact]
    public async Task ReadEventsAsync_StoredTypeUnknownToReader_ThrowsNamingTheType()
    {
        var pid = TestTypes.NewId();
        await using (var writer = Store.CreateJournal())
        {
            await writer.AppendAsync(pid, 0, TestTypes.Items(1), None);
        }

        await using var reader = Store.CreateJournal(new EventTypeRegistry().Register<CounterState>());
        var read = () => ReadAllEventsAsync(reader, pid);

        (await read.Should().ThrowAsync<UnknownEventTypeException>())
            .WithMessage("*'test.item-added.v1'*")
            .Which.TypeName.Should().Be("test.item-added.v1");
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("ok", -1)]
    public async Task AppendAsync_InvalidArguments_ThrowAndWriteNothing(string pid, long expected)
    {
        await using var journal = Store.CreateJournal();

        var append = () => journal.AppendAsync(pid, expected, TestTypes.Items(1), None);

        await append.Should().ThrowAsync<ArgumentException>();
        if (pid == "ok")
        {
            (await journal.ReadHighestSequenceNrAsync(pid, None)).Should().Be(0);
        }
    }

    [Fact]
    public async Task AppendAsync_BadTagsOrNullPayload_ThrowAndWriteNothing()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();

        await journal.Invoking(j => j.AppendAsync(pid, 0, [TestTypes.Item("a", 1, "")], None)).Should().ThrowAsync<ArgumentException>();
        await journal.Invoking(j => j.AppendAsync(pid, 0, [TestTypes.Item("a", 1, new string('t', 256))], None)).Should().ThrowAsync<ArgumentException>();
        await journal.Invoking(j => j.AppendAsync(pid, 0, [new EventToPersist(null!, [])], None)).Should().ThrowAsync<ArgumentException>();
        await journal.Invoking(j => j.AppendAsync(new string('p', 256), 0, TestTypes.Items(1), None)).Should().ThrowAsync<ArgumentException>();
        await journal.Invoking(j => j.AppendAsync("nul\0id", 0, TestTypes.Items(1), None)).Should().ThrowAsync<ArgumentException>().WithMessage("*NUL*");
        await journal.Invoking(j => j.AppendAsync(pid, 0, [TestTypes.Item("a", 1, "nul\0tag")], None)).Should().ThrowAsync<ArgumentException>().WithMessage("*NUL*");

        (await journal.ReadHighestSequenceNrAsync(pid, None)).Should().Be(0);
    }

    [Fact]
    public async Task AppendAsync_EmptyBatch_ReturnsExpectedWithoutWriting()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();

        (await journal.AppendAsync(pid, 0, [], None)).Should().Be(0);

        (await journal.ReadHighestSequenceNrAsync(pid, None)).Should().Be(0);
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var journal = Store.CreateJournal();
        await journal.DisposeAsync();

        var append = () => journal.AppendAsync(TestTypes.NewId(), 0, TestTypes.Items(1), None);

        await append.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task DisposeAsync_WithAppendsInFlight_FlushesThemFirst()
    {
        var journal = Store.CreateJournal();
        var pids = Enumerable.Range(0, 20).Select(_ => TestTypes.NewId()).ToList();
        var appends = pids.Select(pid => journal.AppendAsync(pid, 0, TestTypes.Items(1), None)).ToList();

        await journal.DisposeAsync();

        (await Task.WhenAll(appends)).Should().AllBeEquivalentTo(1L);
        await using var reader = Store.CreateJournal();
        foreach (var pid in pids)
        {
            (await reader.ReadHighestSequenceNrAsync(pid, None)).Should().Be(1);
        }
    }

    protected static async Task<List<JournalEvent>> ReadAllEventsAsync(IEventJournal journal, string persistenceId, long from = 1, long to = long.MaxValue)
    {
        var events = new List<JournalEvent>();
        await foreach (var journalEvent in journal.ReadEventsAsync(persistenceId, from, to, None))
        {
            events.Add(journalEvent);
        }

        return events;
    }

    private static async Task<string> Outcome(Task<long> append)
    {
        try
        {
            await append;
            return "written";
        }
        catch (ConcurrencyConflictException)
        {
            return "conflict";
        }
    }
}
