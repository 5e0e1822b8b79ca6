using Nightjar.Actors.Persistence;
using Nightjar.Persistence.GroupCommit;
using Nightjar.Persistence.Serialization;
using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Conformance;

public abstract partial class EventJournalConformanceTests
{
    [Fact]
    public async Task AppendAsync_100ConcurrentWriters_AllEventsPresentPerIdOrderIntactInFewTransactions()
    {
        await using var journal = Store.CreateJournal();
        using var recorder = new MetricRecorder(journal);
        var tag = TestTypes.NewId("tag");
        const int Writers = 100;
        const int AppendsPerWriter = 10;
        var pids = Enumerable.Range(0, Writers).Select(_ => TestTypes.NewId()).ToArray();

        await Task.WhenAll(pids.Select(async pid =>
        {
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                var highest = await journal.AppendAsync(pid, i * 2, [TestTypes.Item(pid, (i * 2) + 1, tag), TestTypes.Item(pid, (i * 2) + 2, tag)], None);
                highest.Should().Be((i * 2) + 2);
            }
        }));

        foreach (var pid in pids)
        {
            var events = await ReadAllEventsAsync(journal, pid);
            events.Select(e => e.SequenceNr).Should().Equal(Enumerable.Range(1, AppendsPerWriter * 2).Select(i => (long)i));
            events.Select(e => ((ItemAdded)e.Payload).Value).Should().Equal(Enumerable.Range(1, AppendsPerWriter * 2));
        }

        var feed = await Eventually.VisibleAsync(() => ReadWholeTagAsync(journal, tag), Writers * AppendsPerWriter * 2);
        feed.Should().HaveCount(Writers * AppendsPerWriter * 2);
        foreach (var stream in feed.GroupBy(e => e.PersistenceId))
        {
            stream.Select(e => e.SequenceNr).Should().BeInAscendingOrder("per-id order holds in the tag feed too");
        }

        var batches = recorder.Values("nightjar.journal.batch.size");
        batches.Sum().Should().Be(Writers * AppendsPerWriter, "every append was committed in exactly one batch");
        batches.Max().Should().BeGreaterThan(1, "concurrent appends are group-committed");
        batches.Count.Should().BeLessThan(Writers * AppendsPerWriter);
        recorder.Sum("nightjar.journal.appends").Should().Be(Writers * AppendsPerWriter * 2);
    }

    [Fact]
    public async Task WriteBatchAsync_ConflictingAppendsInsideOneBatch_OnlyThoseFailAndTheRestCommit()
    {
        await using var journal = Store.CreateJournal();
        var backend = ((EventJournal)journal).Store;
        var (a, b, c) = (TestTypes.NewId(), TestTypes.NewId(), TestTypes.NewId());
        await journal.AppendAsync(b, 0, TestTypes.Items(2), None);
        var serializer = new JournalSerializer(TestTypes.Registry());
        SerializedEvent Event(int value)
        {
            var (type, json) = serializer.Serialize(new ItemAdded("batched", value));
            return new SerializedEvent(type, json, ["batch"]);
        }

        PendingAppend[] batch =
        [
            new(a, 0, [Event(1), Event(2)], None),
            new(b, 0, [Event(3)], None),        // stale: b is at 2
            new(c, 0, [Event(4)], None),
            new(a, 0, [Event(5)], None),        // stale: the first append of this batch moved a on
            new(a, 2, [Event(6)], None),        // builds on the first append, same transaction
        ];

        await backend.WriteBatchAsync(batch, TimeProvider.System.GetUtcNow(), None);

        batch.Select(p => p.Outcome).Should().Equal(
            AppendOutcome.Written, AppendOutcome.Conflict, AppendOutcome.Written, AppendOutcome.Conflict, AppendOutcome.Written);
        batch[1].ActualSequenceNr.Should().Be(2);
        batch[3].ActualSequenceNr.Should().Be(3, "a conflict reports the highest number as the batch commits it");
        (await ReadAllEventsAsync(journal, a)).Select(e => ((ItemAdded)e.Payload).Value).Should().Equal(1, 2, 6);
        (await ReadAllEventsAsync(journal, b)).Select(e => ((ItemAdded)e.Payload).Value).Should().Equal(1, 2);
        (await ReadAllEventsAsync(journal, c)).Select(e => ((ItemAdded)e.Payload).Value).Should().Equal(4);
    }

    [Fact]
    public async Task Metrics_AppendsConflictsDurationsAndFeedReads_AreRecordedWithTheBackend()
    {
        await using var journal = Store.CreateJournal();
        using var recorder = new MetricRecorder(journal);
        var pid = TestTypes.NewId();
        var tag = TestTypes.NewId("tag");

        await journal.AppendAsync(pid, 0, TestTypes.Items(3, 1, tag), None);
        await journal.Invoking(j => j.AppendAsync(pid, 1, TestTypes.Items(1), None)).Should().ThrowAsync<ConcurrencyConflictException>();
        await using (var other = Store.CreateJournal())
        {
            await Eventually.VisibleAsync(() => ReadWholeTagAsync(other, tag), 3);
        }

        await journal.ReadByTagAsync(tag, JournalOffset.Start, 10, None);

        recorder.Sum("nightjar.journal.appends").Should().Be(3);
        recorder.Sum("nightjar.journal.conflicts").Should().Be(1);
        recorder.Sum("nightjar.journal.tag_reads").Should().Be(3);
        recorder.Values("nightjar.journal.append.duration").Should().HaveCount(2).And.OnlyContain(seconds => seconds >= 0);
        recorder.Tags("nightjar.journal.append.duration").SelectMany(t => t).Where(t => t.Key == "outcome").Select(t => t.Value)
            .Should().BeEquivalentTo(["written", "conflict"]);
        recorder.Tags("nightjar.journal.appends").Should().OnlyContain(t => t.Any(kv => kv.Key == "backend" && Equals(kv.Value, journal.Backend)));
    }
}
