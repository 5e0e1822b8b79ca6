using Nightjar.Actors.Persistence;

namespace Nightjar.Actors.Tests;

public sealed class InMemoryEventStoreTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryEventStore _store;

    public InMemoryEventStoreTests() => _store = new InMemoryEventStore(_clock);

    [Fact]
    public async Task Append_NumbersEventsAfterTheExpectedSequence()
    {
        await _store.AppendAsync("a", 0, Events("one", "two"), default);
        await _store.AppendAsync("a", 2, Events("three"), default);

        var events = await ReadAsync("a", 1);
        events.Select(e => (e.SequenceNr, e.Payload)).Should().Equal((1L, "one"), (2L, "two"), (3L, "three"));
        events.Should().OnlyContain(e => e.WrittenAt == _clock.GetUtcNow() && e.PersistenceId == "a");
        (await ReadAsync("a", 3)).Should().ContainSingle().Which.Payload.Should().Be("three");
    }

    [Fact]
    public async Task Append_WithStaleExpectedSequence_ThrowsAndWritesNothing()
    {
        await _store.AppendAsync("a", 0, Events("one"), default);

        var act = () => _store.AppendAsync("a", 0, Events("rival-1", "rival-2"), default);

        var conflict = await act.Should().ThrowAsync<ConcurrencyConflictException>();
        conflict.Which.PersistenceId.Should().Be("a");
        conflict.Which.ExpectedSequenceNr.Should().Be(0);
        conflict.Which.ActualSequenceNr.Should().Be(1);
        _store.GetEvents("a").Should().ContainSingle();
    }

    [Fact]
    public async Task ConcurrentWriters_ExactlyOneWinsEachSequenceNumber()
    {
        int wins = 0;
        int conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            try
            {
                await _store.AppendAsync("contended", 0, Events($"writer-{writer}"), default);
                Interlocked.Increment(ref wins);
            }
            catch (ConcurrencyConflictException)
            {
                Interlocked.Increment(ref conflicts);
            }
        })));

        wins.Should().Be(1);
        conflicts.Should().Be(7);
        _store.GetHighestSequenceNr("contended").Should().Be(1);
    }

    [Fact]
    public async Task PersistenceIds_AreIndependent()
    {
        await _store.AppendAsync("a", 0, Events("a1"), default);
        await _store.AppendAsync("b", 0, Events("b1"), default);

        (await ReadAsync("b", 0)).Should().ContainSingle().Which.SequenceNr.Should().Be(1);
    }

    [Fact]
    public async Task Snapshots_LatestWinsAndOlderOnesCanBeDeleted()
    {
        (await _store.LoadLatestSnapshotAsync("a", default)).Should().BeNull();
        await _store.SaveSnapshotAsync("a", 5, "state@5", default);
        await _store.SaveSnapshotAsync("a", 10, "state@10", default);
        await _store.SaveSnapshotAsync("a", 7, "state@7", default);

        (await _store.LoadLatestSnapshotAsync("a", default))!.State.Should().Be("state@10");
        await _store.DeleteSnapshotsAsync("a", 10, default);

        _store.GetSnapshots("a").Should().ContainSingle().Which.SequenceNr.Should().Be(10);
    }

    [Fact]
    public async Task Tags_AreQueryableInWriteOrder()
    {
        await _store.AppendAsync("a", 0, [new EventToPersist("a1", ["cams"])], default);
        await _store.AppendAsync("b", 0, [new EventToPersist("b1", ["other"])], default);
        await _store.AppendAsync("a", 1, [new EventToPersist("a2", ["cams"])], default);

        _store.GetEventsByTag("cams").Select(e => e.Payload).Should().Equal("a1", "a2");
    }

    [Fact]
    public async Task BadInput_IsRejectedAndChangesNothing()
    {
        await _store.Invoking(s => s.AppendAsync("", 0, Events("x"), default)).Should().ThrowAsync<ArgumentException>();
        await _store.Invoking(s => s.AppendAsync("a", -1, Events("x"), default)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await _store.Invoking(s => s.AppendAsync("a", 0, [new EventToPersist(null!, [])], default)).Should().ThrowAsync<ArgumentException>();
        await _store.Invoking(s => s.SaveSnapshotAsync("a", 1, null!, default)).Should().ThrowAsync<ArgumentNullException>();

        _store.GetEvents("a").Should().BeEmpty();
        _store.GetSnapshots("a").Should().BeEmpty();
    }

    [Fact]
    public async Task CancelledToken_IsHonoured()
    {
        var cancelled = new CancellationToken(canceled: true);

        await _store.Invoking(s => s.AppendAsync("a", 0, Events("x"), cancelled)).Should().ThrowAsync<OperationCanceledException>();
        _store.GetEvents("a").Should().BeEmpty();
    }

    private static List<EventToPersist> Events(params string[] payloads) =>
        payloads.Select(p => new EventToPersist(p, [])).ToList();

    private async Task<List<StoredEvent>> ReadAsync(string persistenceId, long from)
    {
        var events = new List<StoredEvent>();
        await foreach (var e in _store.ReadEventsAsync(persistenceId, from, default))
        {
            events.Add(e);
        }

        return events;
    }
}
