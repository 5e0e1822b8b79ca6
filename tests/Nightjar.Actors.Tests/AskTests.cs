namespace Nightjar.Actors.Tests;

public sealed class AskTests : ActorTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Ask_ReturnsTheReply()
    {
        var doubler = System.Spawn<int>("doubler", () => new LambdaActor<int>((ctx, n) => ctx.Respond(n * 2)));

        int reply = await Within(doubler.AskAsync<int>(21, Timeout));

        reply.Should().Be(42);
    }

    [Fact]
    public async Task Ask_WithoutReplyBeforeTimeout_FailsWithAskTimeoutOnTheFakeClock()
    {
        var silent = System.Spawn<string>("silent", () => new LambdaActor<string>((ctx, _) => ctx.DeferReply()));

        var ask = silent.AskAsync<int>("anyone?", Timeout);
        Clock.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        ask.IsCompleted.Should().BeFalse();
        Clock.Advance(TimeSpan.FromMilliseconds(1));

        var error = await ask.Invoking(a => Within(a)).Should().ThrowAsync<AskTimeoutException>();
        error.Which.ActorPath.Should().Be("/user/silent");
        error.Which.Timeout.Should().Be(Timeout);
    }

    [Fact]
    public async Task Ask_WhenCancelled_FailsWithCancellation()
    {
        var silent = System.Spawn<string>("silent", () => new LambdaActor<string>((ctx, _) => ctx.DeferReply()));
        using var cts = new CancellationTokenSource();

        var ask = silent.AskAsync<int>("anyone?", Timeout, cts.Token);
        await cts.CancelAsync();

        await ask.Invoking(a => Within(a)).Should().ThrowAsync<OperationCanceledException>();
        Clock.ActiveTimerCount.Should().Be(0, "the timeout timer is released with the ask");
    }

    [Fact]
    public async Task Ask_WithAlreadyCancelledToken_FailsWithoutSending()
    {
        var probe = CreateProbe<string>();
        var ask = probe.Ref.AskAsync<int>("never", Timeout, new CancellationToken(canceled: true));

        await ask.Invoking(a => Within(a)).Should().ThrowAsync<OperationCanceledException>();
        await probe.ExpectNoMessageAsync();
    }

    [Fact]
    public async Task Ask_ToStoppedActor_FailsFastWithActorStopped()
    {
        var actor = System.Spawn<int>("stopped", () => new LambdaActor<int>((ctx, n) => ctx.Respond(n)));
        actor.Stop();
        await Within(actor.WhenTerminated);

        var ask = actor.AskAsync<int>(1, Timeout);

        ask.IsFaulted.Should().BeTrue("no clock movement is needed to learn the actor is gone");
        await ask.Invoking(a => a).Should().ThrowAsync<ActorStoppedException>().Where(e => e.ActorPath == "/user/stopped");
        Clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public async Task Ask_WhenHandlerThrows_FailsWithThatException()
    {
        var actor = System.Spawn<int>("thrower", () => new LambdaActor<int>((_, _) => throw new InvalidOperationException("no such camera")));

        await actor.Invoking(a => Within(a.AskAsync<int>(1, Timeout)))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("no such camera");
    }

    [Fact]
    public async Task Ask_WhenAsyncHandlerThrowsAfterAwait_FailsWithThatException()
    {
        var actor = System.Spawn<int>("thrower", () => new LambdaActor<int>(async (_, _) =>
        {
            await Task.Yield();
            throw new FormatException("late");
        }));

        await actor.Invoking(a => Within(a.AskAsync<int>(1, Timeout))).Should().ThrowAsync<FormatException>();
    }

    [Fact]
    public async Task Ask_HandledWithoutReply_FailsWithNoReply()
    {
        var actor = System.Spawn<string>("forgetful", () => new LambdaActor<string>((_, _) => { }));

        await actor.Invoking(a => Within(a.AskAsync<int>("hello", Timeout)))
            .Should().ThrowAsync<NoReplyException>().WithMessage("*String*");
    }

    [Fact]
    public async Task Ask_WithReplyOfWrongType_FailsWithInvalidCast()
    {
        var actor = System.Spawn<string>("confused", () => new LambdaActor<string>((ctx, _) => ctx.Respond("text")));

        await actor.Invoking(a => Within(a.AskAsync<int>("hello", Timeout)))
            .Should().ThrowAsync<InvalidCastException>().WithMessage("*Int32*String*");
    }

    [Fact]
    public async Task Ask_WithNullReplyForReferenceType_ReturnsNull()
    {
        var actor = System.Spawn<string>("nothing", () => new LambdaActor<string>((ctx, _) => ctx.Respond<string?>(null)));

        var reply = await Within(actor.AskAsync<string?>("hello", Timeout));

        reply.Should().BeNull();
    }

    [Fact]
    public async Task DeferredReply_GivenByALaterMessage_ReachesTheAsker()
    {
        ReplyHandle? pending = null;
        var actor = System.Spawn<string>("deferring", () => new LambdaActor<string>((ctx, m) =>
        {
            if (m == "question")
            {
                pending = ctx.DeferReply();
            }
            else
            {
                pending!.Respond(m.Length);
            }
        }));

        var ask = actor.AskAsync<int>("question", Timeout);
        actor.Tell("answer");

        (await Within(ask)).Should().Be("answer".Length);
    }

    [Fact]
    public async Task DeferredReply_WhenActorStops_FailsWithActorStopped()
    {
        var actor = System.Spawn<string>("deferring", () => new LambdaActor<string>((ctx, _) => ctx.DeferReply()));
        var ask = actor.AskAsync<int>("question", Timeout);
        await TestWait.UntilAsync(() => ((Runtime.ActorCell)((Runtime.ICellRef)actor).Cell).ProcessedCount == 1);

        actor.Stop();

        await ask.Invoking(a => Within(a)).Should().ThrowAsync<ActorStoppedException>();
    }

    [Fact]
    public async Task Ask_QueuedWhenActorIsKilled_FailsWithActorStopped()
    {
        var gate = new Gate();
        var actor = System.Spawn<string>("busy", () => new LambdaActor<string>(async (ctx, m) =>
        {
            if (m == "block")
            {
                await gate.PassAsync(ctx.Aborted);
            }

            ctx.Respond(m);
        }));
        actor.Tell("block");
        await Within(gate.Entered);

        var queued = actor.AskAsync<string>("queued", Timeout);
        actor.Kill();
        gate.Open();

        await queued.Invoking(a => Within(a)).Should().ThrowAsync<ActorStoppedException>();
    }

    [Fact]
    public async Task Ask_UsesDefaultTimeoutFromOptions()
    {
        await using var system = new ActorSystem("short-asks", new ActorSystemOptions { TimeProvider = Clock, DefaultAskTimeout = TimeSpan.FromSeconds(2) });
        var silent = system.Spawn<string>("silent", () => new LambdaActor<string>((ctx, _) => ctx.DeferReply()));

        var ask = silent.AskAsync<int>("anyone?");
        Clock.Advance(TimeSpan.FromSeconds(2));

        await ask.Invoking(a => Within(a)).Should().ThrowAsync<AskTimeoutException>();
    }

    [Fact]
    public void Ask_WithNonPositiveTimeout_Throws()
    {
        var actor = System.Spawn<int>("any", () => new LambdaActor<int>((ctx, n) => ctx.Respond(n)));

        Action act = () => _ = actor.AskAsync<int>(1, TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task PipeToSelf_DeliversTheResultAsAMessage()
    {
        var probe = CreateProbe<string>();
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = System.Spawn<string>("piper", () => new LambdaActor<string>((ctx, m) =>
        {
            if (m == "start")
            {
                ctx.PipeToSelf(source.Task, n => $"done {n}", e => $"failed {e.Message}");
            }
            else
            {
                probe.Ref.Tell(m);
            }
        }));

        actor.Tell("start");
        actor.Tell("meanwhile");
        await probe.ExpectMessageAsync(m => m == "meanwhile");
        source.SetResult(7);

        await probe.ExpectMessageAsync(m => m == "done 7");
    }
}
