using Nightjar.Actors.Persistence;
using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Conformance;

public abstract partial class EventJournalConformanceTests
{
    [Fact]
    public async Task ReadEventsAsync_Range_ReturnsOnlyThatRangeAcrossPages()
    {
        // A page of 3 makes the 10-event replay cross several queries.
        await using var journal = Store.CreateJournal(configure: o => o.PageSize = 3);
        var pid = TestTypes.NewId();
        await journal.AppendAsync(pid, 0, TestTypes.Items(10), None);

        (await ReadAllEventsAsync(journal, pid)).Select(e => e.SequenceNr).Should().Equal(Enumerable.Range(1, 10).Select(i => (long)i));
        (await ReadAllEventsAsync(journal, pid, from: 4)).Select(e => e.SequenceNr).Should().Equal(4, 5, 6, 7, 8, 9, 10);
        (await ReadAllEventsAsync(journal, pid, from: 2, to: 7)).Select(e => e.SequenceNr).Should().Equal(2, 3, 4, 5, 6, 7);
        (await ReadAllEventsAsync(journal, pid, from: 0, to: 1)).Select(e => e.SequenceNr).Should().Equal(1);
        (await ReadAllEventsAsync(journal, pid, from: 11)).Should().BeEmpty();
        (await ReadAllEventsAsync(journal, pid, from: 5, to: 4)).Should().BeEmpty();
    }

    [Fact]
    public async Task ReadEventsAsync_WrittenAt_ComesFromTheJournalClock()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();
        var before = TimeProvider.System.GetUtcNow();

        await journal.AppendAsync(pid, 0, TestTypes.Items(1), None);

        var written = (await ReadAllEventsAsync(journal, pid)).Single().WrittenAt;
        written.Should().BeOnOrAfter(before.AddMilliseconds(-1)).And.BeOnOrBefore(TimeProvider.System.GetUtcNow().AddSeconds(1));
    }

    [Fact]
    public async Task ReadHighestSequenceNrAsync_UnknownId_IsZero()
    {
        await using var journal = Store.CreateJournal();

        (await journal.ReadHighestSequenceNrAsync(TestTypes.NewId(), None)).Should().Be(0);
    }

    [Fact]
    public async Task DeleteEventsAsync_UpToSequence_RemovesOlderAndKeepsNewer()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();
        var other = TestTypes.NewId();
        await journal.AppendAsync(pid, 0, TestTypes.Items(5), None);
        await journal.AppendAsync(other, 0, TestTypes.Items(2), None);

        await journal.DeleteEventsAsync(pid, 3, None);

        (await ReadAllEventsAsync(journal, pid)).Select(e => e.SequenceNr).Should().Equal(4, 5);
        (await ReadAllEventsAsync(journal, other)).Should().HaveCount(2, "deleting one id must not touch another");
        (await journal.ReadHighestSequenceNrAsync(pid, None)).Should().Be(5);
    }

    [Fact]
    public async Task DeleteEventsAsync_Everything_HighestSurvivesSoNumbersAreNeverReused()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();
        await journal.AppendAsync(pid, 0, TestTypes.Items(4), None);

        await journal.DeleteEventsAsync(pid, long.MaxValue, None);

        (await ReadAllEventsAsync(journal, pid)).Should().BeEmpty();
        (await journal.ReadHighestSequenceNrAsync(pid, None)).Should().Be(4);
        var restart = () => journal.AppendAsync(pid, 0, TestTypes.Items(1), None);
        (await restart.Should().ThrowAsync<ConcurrencyConflictException>()).Which.ActualSequenceNr.Should().Be(4);
        (await journal.AppendAsync(pid, 4, TestTypes.Items(1, firstValue: 5), None)).Should().Be(5);
        (await ReadAllEventsAsync(journal, pid)).Select(e => e.SequenceNr).Should().Equal(5);
    }

    [Fact]
    public async Task DeleteEventsAsync_TaggedEvents_LeaveTheTagFeedToo()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();
        var tag = TestTypes.NewId("tag");
        await journal.AppendAsync(pid, 0, TestTypes.Items(3, 1, tag), None);

        await journal.DeleteEventsAsync(pid, 2, None);

        (await Eventually.VisibleAsync(() => ReadWholeTagAsync(journal, tag), 1)).Select(e => e.SequenceNr).Should().Equal(3);
    }

    [Fact]
    public async Task Snapshots_SaveLoadLatestAndDeleteOlder()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();
        (await journal.LoadLatestSnapshotAsync(pid, None)).Should().BeNull();

        await journal.SaveSnapshotAsync(pid, 10, new CounterState(10, ["a"]), None);
        await journal.SaveSnapshotAsync(pid, 30, new CounterState(30, ["a", "b", "c"]), None);
        await journal.SaveSnapshotAsync(pid, 20, new CounterState(20, ["a", "b"]), None);

        var latest = await journal.LoadLatestSnapshotAsync(pid, None);
        latest!.SequenceNr.Should().Be(30);
        latest.PersistenceId.Should().Be(pid);
        latest.State.Should().BeEquivalentTo(new CounterState(30, ["a", "b", "c"]));

        await journal.DeleteSnapshotsAsync(pid, 30, None);
        (await journal.LoadLatestSnapshotAsync(pid, None))!.SequenceNr.Should().Be(30);
        await journal.DeleteSnapshotsAsync(pid, 31, None);
        (await journal.LoadLatestSnapshotAsync(pid, None)).Should().BeNull();
    }

    [Fact]
    public async Task DeleteSnapshotsAsync_OlderOnly_KeepsTheBoundaryAndNewer()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();
        foreach (var seq in new[] { 5L, 10, 15 })
        {
            await journal.SaveSnapshotAsync(pid, seq, new CounterState((int)seq, []), None);
        }

        await journal.DeleteSnapshotsAsync(pid, 10, None);
        await journal.DeleteSnapshotsAsync(pid, 15, None);

        (await journal.LoadLatestSnapshotAsync(pid, None))!.State.Should().BeEquivalentTo(new CounterState(15, []));
        await journal.DeleteSnapshotsAsync(pid, 16, None);
        (await journal.LoadLatestSnapshotAsync(pid, None)).Should().BeNull("every snapshot was older than 16");
    }

    [Fact]
    public async Task SaveSnapshotAsync_SameSequenceTwice_ReplacesIt()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();

        await journal.SaveSnapshotAsync(pid, 7, new CounterState(1, []), None);
        await journal.SaveSnapshotAsync(pid, 7, new CounterState(2, []), None);

        (await journal.LoadLatestSnapshotAsync(pid, None))!.State.Should().BeEquivalentTo(new CounterState(2, []));
    }

    [Fact]
    public async Task SaveSnapshotAsync_UnregisteredState_ThrowsAndStoresNothing()
    {
        await using var journal = Store.CreateJournal();
        var pid = TestTypes.NewId();

        var save = () => journal.SaveSnapshotAsync(pid, 1, new NotRegisteredEvent("x"), None);

        await save.Should().ThrowAsync<UnregisteredEventTypeException>();
        (await journal.LoadLatestSnapshotAsync(pid, None)).Should().BeNull();
    }

    [Fact]
    public async Task JournalEventStore_ActorContract_RoundTripsEventsSnapshotsAndConflicts()
    {
        await using var journal = Store.CreateJournal();
        var store = new JournalEventStore(journal);
        var pid = TestTypes.NewId();
        var tag = TestTypes.NewId("tag");

        await store.AppendAsync(pid, 0, [TestTypes.Item("a", 1, tag), TestTypes.Item("b", 2)], None);
        await store.AppendAsync(pid, 2, [TestTypes.Item("c", 3, tag)], None);
        await store.SaveSnapshotAsync(pid, 2, new CounterState(2, ["a", "b"]), None);
        var conflicting = () => store.AppendAsync(pid, 1, [TestTypes.Item("x", 9)], None);

        await conflicting.Should().ThrowAsync<ConcurrencyConflictException>();
        var snapshot = await store.LoadLatestSnapshotAsync(pid, None);
        snapshot!.SequenceNr.Should().Be(2);
        var replay = new List<StoredEvent>();
        await foreach (var stored in store.ReadEventsAsync(pid, snapshot.SequenceNr + 1, None))
        {
            replay.Add(stored);
        }

        replay.Should().ContainSingle().Which.Should().Match<StoredEvent>(e => e.SequenceNr == 3 && ((ItemAdded)e.Payload).Name == "c");
        (await Eventually.VisibleAsync(() => ReadWholeTagAsync(journal, tag), 2)).Select(e => e.SequenceNr).Should().Equal(1, 3);
        await store.DeleteSnapshotsAsync(pid, 3, None);
        (await store.LoadLatestSnapshotAsync(pid, None)).Should().BeNull();
    }
}
