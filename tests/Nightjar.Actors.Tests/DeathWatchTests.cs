namespace Nightjar.Actors.Tests;

public sealed class DeathWatchTests : ActorTestBase
{
    [Fact]
    public async Task Watch_DeliversTerminatedWhenTheTargetStops()
    {
        var probe = CreateProbe<string>();
        var target = System.Spawn<string>("target", () => new LambdaActor<string>((_, _) => { }));
        var watcher = SpawnWatcher("watcher", target, probe);
        await probe.ExpectMessageAsync(m => m == "watching");

        target.Stop();

        await probe.ExpectMessageAsync(m => m == "terminated /user/target failure=none");
    }

    [Fact]
    public async Task Watch_OfAnAlreadyStoppedActor_DeliversTerminatedAtOnce()
    {
        var probe = CreateProbe<string>();
        var target = System.Spawn<string>("target", () => new LambdaActor<string>((_, _) => { }));
        target.Stop();
        await Within(target.WhenTerminated);

        SpawnWatcher("watcher", target, probe);

        await probe.ExpectMessageAsync(m => m == "watching");
        await probe.ExpectMessageAsync(m => m == "terminated /user/target failure=none");
    }

    [Fact]
    public async Task Terminated_CarriesTheFailureThatStoppedTheTarget()
    {
        var probe = CreateProbe<string>();
        var target = System.Spawn<string>(
            "fragile",
            () => new LambdaActor<string>((_, _) => throw new TimeoutException("camera offline")),
            new SpawnOptions { Supervision = SupervisorStrategy.StopOnFailure });
        probe.Watch(target);

        target.Tell("poke");

        var terminated = await probe.ExpectTerminatedAsync(target);
        terminated.Failure.Should().BeOfType<TimeoutException>().Which.Message.Should().Be("camera offline");
    }

    [Fact]
    public async Task Unwatch_SuppressesTheNotification()
    {
        var probe = CreateProbe<string>();
        var target = System.Spawn<string>("target", () => new LambdaActor<string>((_, _) => { }));
        var watcher = System.Spawn<string>("watcher", () => new LambdaActor<string>((ctx, m) =>
        {
            if (m == "unwatch")
            {
                ctx.Unwatch(target);
                probe.Ref.Tell("unwatched");
            }
        })
        {
            OnStarted = ctx =>
            {
                ctx.Watch(target);
                return ValueTask.CompletedTask;
            },
            OnWatchedTerminated = (_, t) =>
            {
                probe.Ref.Tell("terminated");
                return ValueTask.CompletedTask;
            },
        });

        watcher.Tell("unwatch");
        await probe.ExpectMessageAsync(m => m == "unwatched");
        target.Stop();
        await Within(target.WhenTerminated);

        await probe.ExpectNoMessageAsync();
    }

    [Fact]
    public async Task Watch_OfAnotherRuntimesRef_Throws()
    {
        var probe = CreateProbe<Exception>();
        var watcher = System.Spawn<IActorRef>("watcher", () => new LambdaActor<IActorRef>((ctx, target) =>
        {
            try
            {
                ctx.Watch(target);
            }
            catch (ArgumentException error)
            {
                probe.Ref.Tell(error);
            }
        }));

        watcher.Tell(new ForeignRef());

        (await probe.ExpectMessageAsync()).Message.Should().Contain("not an actor of this runtime");
    }

    private IActorRef<string> SpawnWatcher(string name, IActorRef target, TestProbe<string> probe) =>
        System.Spawn<string>(name, () => new LambdaActor<string>((_, _) => { })
        {
            OnStarted = ctx =>
            {
                ctx.Watch(target);
                probe.Ref.Tell("watching");
                return ValueTask.CompletedTask;
            },
            OnWatchedTerminated = (_, t) =>
            {
                probe.Ref.Tell($"terminated {t.Actor.Path} failure={t.Failure?.GetType().Name ?? "none"}");
                return ValueTask.CompletedTask;
            },
        });

    private sealed class ForeignRef : IActorRef
    {
        public string Name => "foreign";

        public string Path => "/elsewhere/foreign";

        public Task WhenTerminated => Task.CompletedTask;

        public void Kill()
        {
        }

        public void Stop()
        {
        }
    }
}
