namespace Nightjar.Actors.Tests;

public sealed class SystemLaneTests : ActorTestBase
{
    [Fact]
    public async Task Kill_OvertakesEveryQueuedUserMessage()
    {
        var gate = new Gate();
        int processed = 0;
        var actor = System.Spawn<int>("busy", () => new LambdaActor<int>(async (ctx, n) =>
        {
            Interlocked.Increment(ref processed);
            if (n == 0)
            {
                await gate.PassAsync(ctx.Aborted);
            }
        }));
        actor.Tell(0);
        await Within(gate.Entered);
        for (int i = 1; i <= 100; i++)
        {
            actor.Tell(i);
        }

        actor.Kill();
        gate.Open();

        await Within(actor.WhenTerminated);
        processed.Should().Be(1);
    }

    [Fact]
    public async Task Terminated_IsDeliveredAheadOfQueuedUserMessages()
    {
        var probe = CreateProbe<string>();
        var gate = new Gate();
        var target = System.Spawn<string>("target", () => new LambdaActor<string>((_, _) => { }));
        var watcher = System.Spawn<string>("watcher", () => new LambdaActor<string>(async (ctx, m) =>
        {
            if (m == "block")
            {
                await gate.PassAsync(ctx.Aborted);
                return;
            }

            probe.Ref.Tell(m);
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
        watcher.Tell("block");
        await Within(gate.Entered);
        watcher.Tell("a");
        watcher.Tell("b");

        target.Stop();
        await Within(target.WhenTerminated);
        gate.Open();

        (await probe.ReceiveMessagesAsync(3)).Should().Equal("terminated", "a", "b");
    }

    [Fact]
    public async Task StopRequest_IsSeenAheadOfQueuedMessagesSoLaterTellsAreRefused()
    {
        var probe = CreateProbe<string>();
        var gate = new Gate();
        var deadLetters = new List<object?>();
        System.DeadLetterPublished += (_, d) =>
        {
            lock (deadLetters)
            {
                deadLetters.Add(d.Message);
            }
        };
        var actor = System.Spawn<string>("closing", () => new LambdaActor<string>(async (ctx, m) =>
        {
            if (m == "block")
            {
                await gate.PassAsync(ctx.Aborted);
            }

            probe.Ref.Tell(m);
        }));
        actor.Tell("block");
        await Within(gate.Entered);
        actor.Tell("queued");

        actor.Stop();
        actor.Tell("too late");
        gate.Open();

        (await probe.ReceiveMessagesAsync(2)).Should().Equal("block", "queued");
        await Within(actor.WhenTerminated);
        lock (deadLetters)
        {
            deadLetters.Should().Equal("too late");
        }
    }
}
