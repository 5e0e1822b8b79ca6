namespace Nightjar.Actors.Tests;

public sealed class SupervisionTests : ActorTestBase
{
    private static readonly TimeSpan OneMs = TimeSpan.FromMilliseconds(1);

    private readonly TestProbe<string> _events;
    private readonly TestProbe<IActorRef<string>> _children;

    public SupervisionTests()
    {
        _events = CreateProbe<string>("events");
        _children = CreateProbe<IActorRef<string>>("children");
    }

    [Fact]
    public async Task Restart_WaitsForTheExponentialBackoffOnTheClock()
    {
        var worker = await SpawnSupervisedWorkerAsync(new SupervisorStrategy
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(3),
            RandomFactor = 0,
        });

        foreach (var expectedDelay in new[] { 1, 2, 3, 3 })
        {
            worker.Tell("boom");
            await ExpectEventAsync("worker pre-restart");

            Clock.Advance(TimeSpan.FromSeconds(expectedDelay) - OneMs);
            await _events.ExpectNoMessageAsync();
            Clock.Advance(OneMs);
            await ExpectEventAsync("worker post-restart");
        }
    }

    [Fact]
    public async Task Restart_DelayIncludesJitterWithinTheRandomFactor()
    {
        var worker = await SpawnSupervisedWorkerAsync(new SupervisorStrategy
        {
            MinBackoff = TimeSpan.FromSeconds(2),
            MaxBackoff = TimeSpan.FromSeconds(30),
            RandomFactor = 0.5,
        });

        worker.Tell("boom");
        await ExpectEventAsync("worker pre-restart");

        Clock.Advance(TimeSpan.FromSeconds(2) - OneMs);
        await _events.ExpectNoMessageAsync();
        Clock.Advance(TimeSpan.FromSeconds(1) + OneMs);
        await ExpectEventAsync("worker post-restart");
    }

    [Fact]
    public async Task Restart_GivesAFreshInstanceAndDropsTheFailingMessage()
    {
        var worker = await SpawnSupervisedWorkerAsync(ImmediateRestart);
        worker.Tell("inc");
        worker.Tell("inc");

        worker.Tell("boom");
        await ExpectEventAsync("worker pre-restart");
        await ExpectEventAsync("worker post-restart");

        (await Within(worker.AskAsync<int>("get", TimeSpan.FromSeconds(5)))).Should().Be(0);
    }

    [Fact]
    public async Task Suspended_ActorQueuesMessagesAndProcessesThemAfterTheRestart()
    {
        var worker = await SpawnSupervisedWorkerAsync(new SupervisorStrategy { MinBackoff = TimeSpan.FromSeconds(1), RandomFactor = 0 });
        worker.Tell("boom");
        await ExpectEventAsync("worker pre-restart");

        worker.Tell("first");
        worker.Tell("second");
        await _events.ExpectNoMessageAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));

        await ExpectEventAsync("worker post-restart");
        await ExpectEventAsync("worker got first");
        await ExpectEventAsync("worker got second");
    }

    [Fact]
    public async Task Suspended_ActorWithBoundedWaitMailbox_BackPressuresSenders()
    {
        var worker = System.Spawn<string>(
            "worker",
            () => new Worker(_events),
            new SpawnOptions
            {
                Mailbox = MailboxOptions.Bounded(2, MailboxFullMode.Wait),
                Supervision = new SupervisorStrategy { MinBackoff = TimeSpan.FromSeconds(1), RandomFactor = 0 },
            });
        await ExpectEventAsync("worker started");
        worker.Tell("boom");
        await ExpectEventAsync("worker pre-restart");

        await Within(worker.TellAsync("inc").AsTask());
        await Within(worker.TellAsync("inc").AsTask());
        var third = worker.TellAsync("inc").AsTask();
        await _events.ExpectNoMessageAsync();
        third.IsCompleted.Should().BeFalse("the mailbox is full while the actor backs off");

        Clock.Advance(TimeSpan.FromSeconds(1));

        await Within(third);
        (await Within(worker.AskAsync<int>("get", TimeSpan.FromSeconds(5)))).Should().Be(3);
    }

    [Fact]
    public async Task MaxRestartsWithinWindow_StopsTheActor()
    {
        var worker = await SpawnSupervisedWorkerAsync(new SupervisorStrategy
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            MaxRestarts = 2,
            Window = TimeSpan.FromMinutes(1),
        });
        _events.Watch(worker);

        for (int i = 1; i <= 2; i++)
        {
            worker.Tell("boom");
            await ExpectEventAsync("worker pre-restart");
            Clock.Advance(TimeSpan.FromSeconds(i));
            await ExpectEventAsync("worker post-restart");
        }

        worker.Tell("boom");

        var terminated = await _events.FishForTerminatedAsync(worker);
        terminated.Failure.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task AskQueuedWhileBackingOff_FailsWhenTheSupervisorGivesUp()
    {
        var worker = await SpawnSupervisedWorkerAsync(new SupervisorStrategy
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            MaxRestarts = 1,
        });
        worker.Tell("boom");
        await ExpectEventAsync("worker pre-restart");
        worker.Tell("boom");
        var ask = worker.AskAsync<int>("get", TimeSpan.FromMinutes(5));

        Clock.Advance(TimeSpan.FromSeconds(1));

        await ask.Invoking(a => Within(a)).Should().ThrowAsync<ActorStoppedException>();
        await Within(worker.WhenTerminated);
    }

    [Fact]
    public async Task Stop_WhileBackingOff_StopsAtOnceAndDeadLettersTheQueue()
    {
        var worker = await SpawnSupervisedWorkerAsync(new SupervisorStrategy { MinBackoff = TimeSpan.FromSeconds(1), RandomFactor = 0 });
        worker.Tell("boom");
        await ExpectEventAsync("worker pre-restart");
        var ask = worker.AskAsync<int>("get", TimeSpan.FromMinutes(5));

        worker.Stop();

        await Within(worker.WhenTerminated);
        await ask.Invoking(a => Within(a)).Should().ThrowAsync<ActorStoppedException>();
        Clock.ActiveTimerCount.Should().Be(0, "both the backoff timer and the failed ask's timeout are released");
    }

    [Fact]
    public async Task RestartsOutsideTheWindow_DoNotCountAndResetTheBackoff()
    {
        var worker = await SpawnSupervisedWorkerAsync(new SupervisorStrategy
        {
            MinBackoff = TimeSpan.FromSeconds(1),
            RandomFactor = 0,
            MaxRestarts = 1,
            Window = TimeSpan.FromSeconds(10),
        });

        for (int round = 0; round < 3; round++)
        {
            worker.Tell("boom");
            await ExpectEventAsync("worker pre-restart");
            Clock.Advance(TimeSpan.FromSeconds(1));
            await ExpectEventAsync("worker post-restart");
            Clock.Advance(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task Decider_ChoosesTheDirectivePerException()
    {
        var worker = await SpawnSupervisedWorkerAsync(ImmediateRestart with
        {
            Decider = e => e is ArgumentException ? SupervisorDirective.Stop : SupervisorDirective.Restart,
        });
        _events.Watch(worker);

        worker.Tell("boom");
        await ExpectEventAsync("worker pre-restart");
        await ExpectEventAsync("worker post-restart");
        worker.Tell("boom-arg");

        (await _events.FishForTerminatedAsync(worker)).Failure.Should().BeOfType<ArgumentException>();
    }

    [Fact]
    public async Task Resume_KeepsTheStateAndSkipsTheFailingMessage()
    {
        var worker = await SpawnSupervisedWorkerAsync(new SupervisorStrategy { Decider = _ => SupervisorDirective.Resume });
        worker.Tell("inc");
        worker.Tell("boom");
        worker.Tell("inc");

        (await Within(worker.AskAsync<int>("get", TimeSpan.FromSeconds(5)))).Should().Be(2);
        await _events.ExpectNoMessageAsync();
    }

    [Fact]
    public async Task FailingStart_IsSupervisedLikeAFailingMessage()
    {
        int attempts = 0;
        var actor = System.Spawn<string>(
            "late-bloomer",
            () => new LambdaActor<string>((_, _) => { })
            {
                OnStarted = _ => ++attempts == 1 ? throw new IOException("device busy") : Report("started"),
                OnPostRestart = (_, _) => ++attempts == 1 ? throw new IOException("device busy") : Report("started"),
            },
            new SpawnOptions { Supervision = new SupervisorStrategy { MinBackoff = TimeSpan.FromSeconds(1), RandomFactor = 0 } });

        await TestWait.UntilAsync(() => Clock.NextTimerDueIn == TimeSpan.FromSeconds(1), because: "the backoff timer is armed");
        await _events.ExpectNoMessageAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));

        await ExpectEventAsync("started");
        attempts.Should().Be(2);
    }

    [Fact]
    public async Task CrashingChild_DoesNotAffectItsSiblings()
    {
        System.Spawn<string>("parent", () => new Supervisor(ImmediateRestart, _children, _events, "a", "b"));
        var a = await _children.ExpectMessageAsync();
        var b = await _children.ExpectMessageAsync();
        for (int i = 0; i < 3; i++)
        {
            b.Tell("inc");
        }

        for (int i = 0; i < 3; i++)
        {
            a.Tell("boom");
        }

        (await Within(a.AskAsync<int>("get", TimeSpan.FromSeconds(5)))).Should().Be(0);
        (await Within(b.AskAsync<int>("get", TimeSpan.FromSeconds(5)))).Should().Be(3);
        var events = _events.TakeAll();
        events.Count(e => e == "a post-restart").Should().Be(3);
        events.Should().NotContain(e => e.StartsWith("b pre-restart", StringComparison.Ordinal) || e.StartsWith("b post-restart", StringComparison.Ordinal));
        b.WhenTerminated.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task Escalate_FailsTheParentWhoseSupervisorRestartsIt()
    {
        var parentFailures = new List<Exception>();
        var parent = System.Spawn<string>(
            "parent",
            () => new Supervisor(SupervisorStrategy.EscalateAll, _children, _events, "worker"),
            new SpawnOptions
            {
                Supervision = ImmediateRestart with
                {
                    Decider = e =>
                    {
                        lock (parentFailures)
                        {
                            parentFailures.Add(e);
                        }

                        return SupervisorDirective.Restart;
                    },
                },
            });
        var firstChild = await _children.ExpectMessageAsync();

        firstChild.Tell("boom");

        var secondChild = await _children.ExpectMessageAsync();
        secondChild.Should().NotBeSameAs(firstChild);
        await Within(firstChild.WhenTerminated);
        await _events.FishForMessageAsync(m => m == "supervisor restarted");
        lock (parentFailures)
        {
            parentFailures.Should().ContainSingle().Which.Message.Should().Be("worker exploded");
        }
    }

    [Fact]
    public async Task Escalate_WhenTheParentIsStopped_StopsBothWithTheChildsFailure()
    {
        var parent = System.Spawn<string>(
            "parent",
            () => new Supervisor(SupervisorStrategy.EscalateAll, _children, _events, "worker"),
            new SpawnOptions { Supervision = SupervisorStrategy.StopOnFailure });
        _events.Watch(parent);
        var child = await _children.ExpectMessageAsync();

        child.Tell("boom");

        await Within(child.WhenTerminated);
        var terminated = await _events.FishForTerminatedAsync(parent);
        terminated.Failure!.Message.Should().Be("worker exploded");
    }

    [Fact]
    public async Task Escalate_WhenTheParentResumes_ResumesTheChildWithItsState()
    {
        System.Spawn<string>(
            "parent",
            () => new Supervisor(SupervisorStrategy.EscalateAll, _children, _events, "worker"),
            new SpawnOptions { Supervision = new SupervisorStrategy { Decider = _ => SupervisorDirective.Resume } });
        var child = await _children.ExpectMessageAsync();
        child.Tell("inc");

        child.Tell("boom");
        child.Tell("inc");

        (await Within(child.AskAsync<int>("get", TimeSpan.FromSeconds(5)))).Should().Be(2);
    }

    [Fact]
    public async Task Escalate_FromATopLevelActor_StopsIt()
    {
        var worker = System.Spawn<string>("worker", () => new Worker(_events), new SpawnOptions { Supervision = SupervisorStrategy.EscalateAll });
        _events.Watch(worker);

        worker.Tell("boom");

        (await _events.FishForTerminatedAsync(worker)).Failure.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task ParentRestart_StopsOldChildrenAndStartsNewOnes()
    {
        var parent = System.Spawn<string>("parent", () => new Supervisor(ImmediateRestart, _children, _events, "worker"));
        var oldChild = await _children.ExpectMessageAsync();
        oldChild.Tell("inc");

        parent.Tell("boom");

        var newChild = await _children.ExpectMessageAsync();
        await Within(oldChild.WhenTerminated);
        newChild.Path.Should().Be(oldChild.Path);
        (await Within(newChild.AskAsync<int>("get", TimeSpan.FromSeconds(5)))).Should().Be(0);
    }

    private async Task<IActorRef<string>> SpawnSupervisedWorkerAsync(SupervisorStrategy strategy)
    {
        System.Spawn<string>("parent", () => new Supervisor(strategy, _children, _events, "worker"));
        var worker = await _children.ExpectMessageAsync();
        await ExpectEventsInAnyOrderAsync("worker started", "supervisor started");
        return worker;
    }

    private ValueTask Report(string what)
    {
        _events.Ref.Tell(what);
        return ValueTask.CompletedTask;
    }

    private async Task ExpectEventsInAnyOrderAsync(params string[] expected) =>
        (await _events.ReceiveMessagesAsync(expected.Length)).Should().BeEquivalentTo(expected);

    private Task<string> ExpectEventAsync(string expected) =>
        _events.ExpectMessageAsync(m => m == expected, description: $"\"{expected}\"");
}
