using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Conformance;

public abstract partial class EventJournalConformanceTests
{
    [Fact]
    public async Task ReadByTagAsync_FromOffset_ReturnsOnlyThatTagInOrderAndResumesAfterTheLast()
    {
        await using var journal = Store.CreateJournal();
        var tag = TestTypes.NewId("tag");
        var otherTag = TestTypes.NewId("tag");
        var first = TestTypes.NewId();
        var second = TestTypes.NewId();
        await journal.AppendAsync(first, 0, [TestTypes.Item("a", 1, tag), TestTypes.Item("b", 2, otherTag), TestTypes.Item("c", 3, tag, otherTag)], None);
        await journal.AppendAsync(second, 0, [TestTypes.Item("d", 4, tag, tag)], None);
        await journal.AppendAsync(first, 3, [TestTypes.Item("e", 5, tag)], None);
        await Eventually.VisibleAsync(() => ReadWholeTagAsync(journal, tag), 4);

        var page1 = await journal.ReadByTagAsync(tag, JournalOffset.Start, 3, None);
        var page2 = await journal.ReadByTagAsync(tag, page1[^1].Offset, 3, None);

        page1.Should().HaveCount(3);
        page1.Concat(page2).Select(e => ((ItemAdded)e.Payload).Name).Should().Equal("a", "c", "d", "e");
        (await journal.ReadByTagAsync(tag, page2[^1].Offset, 10, None)).Should().BeEmpty();
        page1.Concat(page2).Select(e => e.Offset).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await journal.ReadByTagAsync(otherTag, JournalOffset.Start, 10, None)).Select(e => ((ItemAdded)e.Payload).Name).Should().Equal("b", "c");
    }

    [Fact]
    public async Task ReadByTagAsync_OffsetAsString_RoundTripsForTheHttpApi()
    {
        await using var journal = Store.CreateJournal();
        var tag = TestTypes.NewId("tag");
        await journal.AppendAsync(TestTypes.NewId(), 0, TestTypes.Items(3, 1, tag), None);
        await Eventually.VisibleAsync(() => ReadWholeTagAsync(journal, tag), 3);
        var first = (await journal.ReadByTagAsync(tag, JournalOffset.Start, 1, None)).Single();

        var after = JournalOffset.Parse(first.Offset.ToString());

        (await journal.ReadByTagAsync(tag, after, 10, None)).Select(e => e.SequenceNr).Should().Equal(2, 3);
    }

    [Fact]
    public async Task ReadAllAsync_FromOffset_ReturnsTaggedAndUntaggedEventsInFeedOrder()
    {
        await using var journal = Store.CreateJournal();
        var start = await LastOffsetAsync(journal);
        var pid = TestTypes.NewId();
        await journal.AppendAsync(pid, 0, [TestTypes.Item("untagged", 1), TestTypes.Item("tagged", 2, TestTypes.NewId("tag"))], None);

        var all = await Eventually.VisibleAsync(
            async () =>
            {
                var read = await journal.ReadAllAsync(start, 10_000, None);
                return read.Count(e => e.PersistenceId == pid) == 2 ? read : [];
            },
            1);

        var mine = all.Where(e => e.PersistenceId == pid).ToList();
        mine.Select(e => ((ItemAdded)e.Payload).Name).Should().Equal("untagged", "tagged");
        all.Select(e => e.Offset).Should().BeInAscendingOrder();
        all.Should().OnlyContain(e => e.Offset > start);
    }

    [Fact]
    public async Task ReadByTagAsync_InvalidArguments_Throw()
    {
        await using var journal = Store.CreateJournal();

        await journal.Invoking(j => j.ReadByTagAsync("", JournalOffset.Start, 10, None)).Should().ThrowAsync<ArgumentException>();
        await journal.Invoking(j => j.ReadByTagAsync("t", JournalOffset.Start, 0, None)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await journal.Invoking(j => j.ReadAllAsync(JournalOffset.Start, 10_001, None)).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task SubscribeByTagAsync_EventsAppendedAfterSubscribing_AreDeliveredLive()
    {
        // A long poll interval: delivery within the deadline relies on the commit hint, not on polling.
        await using var journal = Store.CreateJournal(configure: o => o.PollInterval = TimeSpan.FromMinutes(1));
        var tag = TestTypes.NewId("tag");
        var pid = TestTypes.NewId();
        await journal.AppendAsync(pid, 0, TestTypes.Items(2, 1, tag), None);
        using var recorder = new MetricRecorder(journal);

        var live = Eventually.TakeAsync(journal.SubscribeByTagAsync(tag, JournalOffset.Start, None), 5);
        await Eventually.UntilAsync(() => recorder.Count("nightjar.journal.tag_reads") >= 1, "the subscriber read what was there");
        await journal.AppendAsync(pid, 2, TestTypes.Items(3, 3, tag), None);

        (await live).Select(e => ((ItemAdded)e.Payload).Value).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task SubscribeAllAsync_FromAnOffset_DeliversLaterEventsOfEveryTag()
    {
        await using var journal = Store.CreateJournal();
        var start = await LastOffsetAsync(journal);
        var pid = TestTypes.NewId();

        var live = Eventually.TakeAsync(
            journal.SubscribeAllAsync(start, None).Where(e => e.PersistenceId == pid), 3);
        await journal.AppendAsync(pid, 0, [TestTypes.Item("a", 1), TestTypes.Item("b", 2, "x"), TestTypes.Item("c", 3, "y")], None);

        (await live).Select(e => e.SequenceNr).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task SubscribeByTagAsync_ManyConcurrentWritersOnTwoNodes_DeliversEveryEventOnceInOrder()
    {
        // The never-skip property under real concurrency: two journals (nodes) commit overlapping transactions
        // while a subscriber reads. A gap-skipping reader would miss some; a non-monotonic one would repeat some.
        await using var nodeA = Store.CreateJournal();
        await using var nodeB = Store.CreateJournal();
        await using var reader = Store.CreateJournal(configure: o => o.PageSize = 7);
        var tag = TestTypes.NewId("tag");
        const int Writers = 20;
        const int AppendsPerWriter = 15;

        var live = Eventually.TakeAsync(reader.SubscribeByTagAsync(tag, JournalOffset.Start, None), Writers * AppendsPerWriter, TimeSpan.FromSeconds(60));
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(async w =>
        {
            var journal = w % 2 == 0 ? nodeA : nodeB;
            var pid = TestTypes.NewId();
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                await journal.AppendAsync(pid, i, [TestTypes.Item(pid, i + 1, tag)], None);
            }
        }));
        var delivered = await live;

        delivered.Select(e => e.Offset).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        delivered.Select(e => (e.PersistenceId, e.SequenceNr)).Should().OnlyHaveUniqueItems();
        foreach (var stream in delivered.GroupBy(e => e.PersistenceId))
        {
            stream.Select(e => e.SequenceNr).Should().Equal(Enumerable.Range(1, AppendsPerWriter).Select(i => (long)i));
        }

        var finite = await ReadWholeTagAsync(reader, tag);
        finite.Select(e => e.Offset).Should().Equal(delivered.Select(e => e.Offset), "the finite query and the live feed agree");
    }

    protected static async Task<IReadOnlyList<JournalEvent>> ReadWholeTagAsync(IEventJournal journal, string tag)
    {
        var all = new List<JournalEvent>();
        var after = JournalOffset.Start;
        while (true)
        {
            var page = await journal.ReadByTagAsync(tag, after, 100, None);
            all.AddRange(page);
            if (page.Count < 100)
            {
                return all;
            }

            after = page[^1].Offset;
        }
    }

    private static async Task<JournalOffset> LastOffsetAsync(IEventJournal journal)
    {
        var after = JournalOffset.Start;
        while (true)
        {
            var page = await journal.ReadAllAsync(after, 10_000, None);
            if (page.Count == 0)
            {
                return after;
            }

            after = page[^1].Offset;
        }
    }
}
