using System.Collections.Concurrent;
using Nightjar.Actors.Persistence;
using static Nightjar.Actors.Tests.Support.PersistentCounter;

namespace Nightjar.Actors.Tests;

public sealed class PersistentActorTests : ActorTestBase
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private readonly InMemoryEventStore _store = new();
    private readonly ConcurrentQueue<string> _journal = new();

    [Fact]
    public async Task Recovery_StartsFromTheLatestSnapshotAndAppliesOnlyLaterEvents()
    {
        await SeedAsync("counter-1", 1, 1, 1, 1, 1);

        // Deliberately not the fold of events 1-3, to prove they are not replayed.
        await _store.SaveSnapshotAsync("counter-1", 3, new CounterState(100), default);
        var counter = Spawn("counter-1");

        (await GetAsync(counter)).Should().Be((102, 5L));
        _journal.Should().Equal("applied 1", "applied 1", "started at 5");
    }

    [Fact]
    public async Task Recovery_WithoutSnapshot_ReplaysEveryEvent()
    {
        await SeedAsync("counter-1", 5, 10);

        (await GetAsync(Spawn("counter-1"))).Should().Be((15, 2L));
    }

    [Fact]
    public async Task Persist_ContinuesTheSequenceAfterRecovery()
    {
        await SeedAsync("counter-1", 5, 10);
        var counter = Spawn("counter-1");

        (await AddAsync(counter, 1)).Should().Be(16);

        _store.GetEvents("counter-1").Select(e => e.SequenceNr).Should().Equal(1, 2, 3);
        _store.GetEventsByTag("counter").Should().ContainSingle("only the event the actor wrote carries its tags");
    }

    [Fact]
    public async Task Persist_AppliesOnlyAfterTheStoreAcknowledges()
    {
        var appendStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledge = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new ScriptedEventStore(_store)
        {
            BeforeAppend = async () =>
            {
                appendStarted.TrySetResult();
                await acknowledge.Task;
            },
        };
        var counter = Spawn("counter-1", store: store);

        var add = counter.AskAsync<int>(new Add(7), AskTimeout);
        await Within(appendStarted.Task);

        _journal.Should().NotContain("applied 7");
        _store.GetEvents("counter-1").Should().BeEmpty();
        acknowledge.SetResult();

        (await Within(add)).Should().Be(7);
        _journal.Should().Contain("applied 7");
        _store.GetEvents("counter-1").Should().ContainSingle().Which.Payload.Should().Be(new Added(7));
    }

    [Fact]
    public async Task Persist_WhenTheStoreFails_LeavesStateUnchangedAndFailsTheActor()
    {
        int appends = 0;
        var store = new ScriptedEventStore(_store)
        {
            BeforeAppend = () => ++appends == 1 ? throw new IOException("journal unreachable") : Task.CompletedTask,
        };
        var counter = Spawn("counter-1", store: store);

        await counter.Invoking(c => AddAsync(c, 7)).Should().ThrowAsync<IOException>();

        (await GetAsync(counter)).Should().Be((0, 0L));
        _journal.Should().Contain("restarted at 0");
        (await AddAsync(counter, 2)).Should().Be(2);
    }

    [Fact]
    public async Task Persist_FailureSwallowedByTheHandler_StillFailsTheActor()
    {
        int appends = 0;
        var store = new ScriptedEventStore(_store)
        {
            BeforeAppend = () => ++appends == 1 ? throw new InvalidOperationException("journal unreachable") : Task.CompletedTask,
        };
        var counter = Spawn("counter-1", store: store);

        await Within(counter.AskAsync<int>(new AddCarelessly(7), AskTimeout));

        await TestWait.UntilAsync(() => _journal.Contains("restarted at 0"), because: "the poisoned instance is replaced");
    }

    [Fact]
    public async Task Snapshot_IsTakenEveryNEventsAndOlderOnesAreDeleted()
    {
        var counter = Spawn("counter-1", SnapshotPolicy.Every(3));

        for (int i = 0; i < 7; i++)
        {
            await AddAsync(counter, 1);
        }

        var snapshot = _store.GetSnapshots("counter-1").Should().ContainSingle().Subject;
        snapshot.SequenceNr.Should().Be(6);
        snapshot.State.Should().Be(new CounterState(6));
    }

    [Fact]
    public async Task Snapshot_KeepsTheRequestedNumberOfSnapshots()
    {
        var counter = Spawn("counter-1", SnapshotPolicy.Every(3, keep: 2));

        for (int i = 0; i < 10; i++)
        {
            await AddAsync(counter, 1);
        }

        _store.GetSnapshots("counter-1").Select(s => s.SequenceNr).Should().Equal(6, 9);
    }

    [Fact]
    public async Task Snapshot_BatchCrossingAMultiple_SnapshotsOnceAtItsEnd()
    {
        var counter = Spawn("counter-1", SnapshotPolicy.Every(3));

        (await Within(counter.AskAsync<int>(new AddMany([1, 2, 3, 4, 5]), AskTimeout))).Should().Be(15);

        _store.GetSnapshots("counter-1").Should().ContainSingle().Which.SequenceNr.Should().Be(5);
    }

    [Fact]
    public async Task Snapshot_Failure_IsLoggedAndTheActorCarriesOn()
    {
        var store = new ScriptedEventStore(_store) { BeforeSaveSnapshot = () => throw new IOException("disk full") };
        var counter = Spawn("counter-1", SnapshotPolicy.Every(1), store);

        (await AddAsync(counter, 4)).Should().Be(4);
        (await AddAsync(counter, 4)).Should().Be(8);

        _journal.Should().NotContain(e => e.StartsWith("restarted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecoveryFailure_GoesToTheSupervisorWhichRestartsAfterBackoff()
    {
        await SeedAsync("counter-1", 3);
        var decisions = new ConcurrentQueue<Exception>();
        int loads = 0;
        var store = new ScriptedEventStore(_store)
        {
            BeforeLoadSnapshot = () => ++loads == 1 ? throw new TimeoutException("database starting") : Task.CompletedTask,
        };
        var strategy = new SupervisorStrategy
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            Decider = e =>
            {
                decisions.Enqueue(e);
                return SupervisorDirective.Restart;
            },
        };
        var counter = Spawn("counter-1", store: store, strategy: strategy);
        await TestWait.UntilAsync(() => !decisions.IsEmpty);
        var get = GetAsync(counter);

        var failure = decisions.Should().ContainSingle().Which.Should().BeOfType<RecoveryFailedException>().Subject;
        failure.PersistenceId.Should().Be("counter-1");
        failure.InnerException.Should().BeOfType<TimeoutException>();
        await TestWait.UntilAsync(() => Clock.NextTimerDueIn == TimeSpan.FromSeconds(1), because: "the backoff timer is armed");
        get.IsCompleted.Should().BeFalse("messages wait while the actor backs off");

        Clock.Advance(TimeSpan.FromSeconds(1));

        (await get).Should().Be((3, 1L));
    }

    [Fact]
    public async Task RecoveryFailure_WithAStoppingSupervisor_StopsTheActor()
    {
        var store = new ScriptedEventStore(_store) { BeforeLoadSnapshot = () => throw new TimeoutException("database down") };
        var probe = CreateProbe<string>();
        var counter = Spawn("counter-1", store: store, strategy: SupervisorStrategy.StopOnFailure);
        probe.Watch(counter);

        var terminated = await probe.ExpectTerminatedAsync(counter);

        terminated.Failure.Should().BeOfType<RecoveryFailedException>().Which.InnerException.Should().BeOfType<TimeoutException>();
    }

    [Fact]
    public async Task Recovery_OfASnapshotOfTheWrongType_Fails()
    {
        await _store.SaveSnapshotAsync("counter-1", 1, "not a counter state", default);
        var probe = CreateProbe<string>();
        var counter = Spawn("counter-1", strategy: SupervisorStrategy.StopOnFailure);
        probe.Watch(counter);

        var terminated = await probe.ExpectTerminatedAsync(counter);

        terminated.Failure.Should().BeOfType<RecoveryFailedException>().Which.InnerException.Should().BeOfType<InvalidCastException>();
    }

    [Fact]
    public async Task SecondWriter_GetsAConflictFailsAndWritesNothing()
    {
        var probe = CreateProbe<string>();
        var first = Spawn("counter-1", name: "first");
        var second = Spawn("counter-1", name: "second", strategy: SupervisorStrategy.StopOnFailure);
        probe.Watch(second);
        (await GetAsync(first)).Should().Be((0, 0L));
        (await GetAsync(second)).Should().Be((0, 0L));

        (await AddAsync(first, 1)).Should().Be(1);
        var conflict = await second.Invoking(s => AddAsync(s, 5)).Should().ThrowAsync<ConcurrencyConflictException>();

        conflict.Which.ExpectedSequenceNr.Should().Be(0);
        conflict.Which.ActualSequenceNr.Should().Be(1);
        (await probe.ExpectTerminatedAsync(second)).Failure.Should().BeOfType<ConcurrencyConflictException>();
        _store.GetEvents("counter-1").Should().ContainSingle().Which.Payload.Should().Be(new Added(1));
    }

    [Fact]
    public async Task SecondWriter_RestartedBySupervision_RecoversTheOtherWritersEvents()
    {
        var first = Spawn("counter-1", name: "first");
        var second = Spawn("counter-1", name: "second");
        (await GetAsync(second)).Should().Be((0, 0L));
        await AddAsync(first, 1);

        await second.Invoking(s => AddAsync(s, 5)).Should().ThrowAsync<ConcurrencyConflictException>();

        (await GetAsync(second)).Should().Be((1, 1L));
        (await AddAsync(second, 5)).Should().Be(6);
        _store.GetEvents("counter-1").Select(e => e.Payload).Should().Equal(new Added(1), new Added(5));
    }

    [Fact]
    public void Spawn_WithBlankPersistenceId_Throws()
    {
        var act = () => Spawn(" ");

        act.Should().Throw<ArgumentException>();
    }

    private IActorRef<ICommand> Spawn(string persistenceId, SnapshotPolicy? snapshots = null, IEventStore? store = null, SupervisorStrategy? strategy = null, string? name = null) =>
        System.Spawn<ICommand>(
            name ?? "counter",
            () => new PersistentCounter(store ?? _store, persistenceId, snapshots, _journal),
            new SpawnOptions { Supervision = strategy });

    private async Task SeedAsync(string persistenceId, params int[] amounts) =>
        await _store.AppendAsync(persistenceId, 0, amounts.Select(a => new EventToPersist(new Added(a), [])).ToList(), default);

    private static Task<int> AddAsync(IActorRef<ICommand> counter, int amount) =>
        Within(counter.AskAsync<int>(new Add(amount), AskTimeout));

    private static Task<(int Value, long SequenceNr)> GetAsync(IActorRef<ICommand> counter) =>
        Within(counter.AskAsync<(int, long)>(new Get(), AskTimeout));
}
