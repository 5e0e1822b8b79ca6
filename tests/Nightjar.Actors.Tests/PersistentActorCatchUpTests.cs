using System.Collections.Concurrent;
using Nightjar.Actors.Persistence;
using Nightjar.Actors.Tests.Support;
using static Nightjar.Actors.Tests.Support.PersistentCounter;

namespace Nightjar.Actors.Tests;

/// <summary>PersistentActor.CatchUpAsync: a persistence id shared with other writers (another node's incarnation).</summary>
public sealed class PersistentActorCatchUpTests : ActorTestBase
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private readonly InMemoryEventStore _store = new();
    private readonly ConcurrentQueue<string> _journal = new();

    [Fact]
    public async Task CatchUp_AppliesEventsAnotherWriterAppended_AndLaterPersistsContinueAfterThem()
    {
        var counter = Spawn("shared", _store, "counter");
        (await AddAsync(counter, 1)).Should().Be(1);
        await _store.AppendAsync("shared", 1, [new EventToPersist(new Added(10), []), new EventToPersist(new Added(100), [])], default);

        (await Ask<int>(counter, new CatchUp())).Should().Be(2);
        (await Ask<(int, long)>(counter, new Get())).Should().Be((111, 3L));

        (await AddAsync(counter, 1000)).Should().Be(1111, "the next write goes after the events caught up with, so it does not conflict");
        _store.GetEvents("shared").Select(e => e.SequenceNr).Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task CatchUp_WithNothingNew_AppliesNothing()
    {
        var counter = Spawn("shared", _store, "counter");
        await AddAsync(counter, 5);

        (await Ask<int>(counter, new CatchUp())).Should().Be(0);
        (await Ask<(int, long)>(counter, new Get())).Should().Be((5, 1L));
    }

    [Fact]
    public async Task CatchUp_WhenTheReadFailsPartWay_KeepsWhatItAppliedAndDoesNotFailTheActor()
    {
        var store = new ScriptedEventStore(_store);
        var counter = Spawn("shared", store, "counter");
        await _store.AppendAsync("shared", 0, [new EventToPersist(new Added(1), []), new EventToPersist(new Added(2), []), new EventToPersist(new Added(4), [])], default);
        (await Ask<(int, long)>(counter, new Get())).Should().Be((7, 3L));
        await _store.AppendAsync("shared", 3, [new EventToPersist(new Added(10), []), new EventToPersist(new Added(20), [])], default);
        store.BeforeReadEvent = e => _ = e.SequenceNr == 5 ? throw new IOException("connection reset") : 0;

        (await Ask<int>(counter, new CatchUp())).Should().Be(-1);
        (await Ask<(int, long)>(counter, new Get())).Should().Be((17, 4L), "event 4 was applied before the read failed");

        store.BeforeReadEvent = null;
        (await Ask<int>(counter, new CatchUp())).Should().Be(1);
        (await AddAsync(counter, 100)).Should().Be(137);
        _journal.Should().NotContain(j => j.StartsWith("restarted", StringComparison.Ordinal), "a failed catch-up does not poison the actor");
    }

    private IActorRef<ICommand> Spawn(string persistenceId, IEventStore store, string name) =>
        System.Spawn<ICommand>(
            name,
            () => new PersistentCounter(store, persistenceId, null, _journal),
            new SpawnOptions { Supervision = SupervisorStrategy.StopOnFailure });

    private static Task<int> AddAsync(IActorRef<ICommand> counter, int amount) => Ask<int>(counter, new Add(amount));

    private static Task<T> Ask<T>(IActorRef<ICommand> counter, ICommand command) =>
        Within(counter.AskAsync<T>(command, AskTimeout));
}
