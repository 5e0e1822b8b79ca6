namespace Nightjar.Actors.Tests;

public sealed class TellTests : ActorTestBase
{
    [Fact]
    public async Task Tell_FromOneSender_ArrivesInOrder()
    {
        var probe = CreateProbe<int>();
        var actor = System.Spawn<int>("forwarder", () => new LambdaActor<int>((_, n) => probe.Ref.Tell(n)));

        for (int i = 0; i < 2_000; i++)
        {
            actor.Tell(i);
        }

        var received = await probe.ReceiveMessagesAsync(2_000);
        received.Should().Equal(Enumerable.Range(0, 2_000));
    }

    [Fact]
    public async Task Tell_FromManySenders_KeepsEachSendersOrder()
    {
        var seen = new List<(int Sender, int Seq)>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const int Senders = 4;
        const int PerSender = 2_000;
        var actor = System.Spawn<(int Sender, int Seq)>("collector", () => new LambdaActor<(int Sender, int Seq)>((_, m) =>
        {
            seen.Add(m);
            if (seen.Count == Senders * PerSender)
            {
                done.SetResult();
            }
        }));

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(s => Task.Run(() =>
        {
            for (int i = 0; i < PerSender; i++)
            {
                actor.Tell((s, i));
            }
        })));
        await Within(done.Task);

        foreach (var group in seen.GroupBy(m => m.Sender))
        {
            group.Select(m => m.Seq).Should().Equal(Enumerable.Range(0, PerSender));
        }
    }

    [Fact]
    public async Task Handler_ProcessesOneMessageAtATime()
    {
        int inside = 0;
        int maxInside = 0;
        int processed = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = System.Spawn<int>("serial", () => new LambdaActor<int>(async (_, _) =>
        {
            maxInside = Math.Max(maxInside, Interlocked.Increment(ref inside));
            await Task.Yield();
            Interlocked.Decrement(ref inside);
            if (++processed == 200)
            {
                done.SetResult();
            }
        }));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                actor.Tell(i);
            }
        })));
        await Within(done.Task);

        maxInside.Should().Be(1);
    }

    [Fact]
    public async Task Tell_ToStoppedActor_BecomesDeadLetter()
    {
        var deadLetters = new List<DeadLetter>();
        System.DeadLetterPublished += (_, letter) =>
        {
            lock (deadLetters)
            {
                deadLetters.Add(letter);
            }
        };
        var actor = System.Spawn<string>("gone", () => new LambdaActor<string>((_, _) => { }));
        actor.Stop();
        await Within(actor.WhenTerminated);

        actor.Tell("hello");

        lock (deadLetters)
        {
            deadLetters.Should().ContainSingle().Which.Should().Be(new DeadLetter(actor.Path, "hello", DeadLetterReason.RecipientStopped));
        }
    }

    [Fact]
    public async Task Spawn_ReportsNameAndPath()
    {
        var probe = CreateProbe<IActorRef>();
        var parent = System.Spawn<string>("parent", () => new LambdaActor<string>((ctx, name) =>
            probe.Ref.Tell(ctx.Spawn<string>(name, () => new LambdaActor<string>((_, _) => { })))));

        parent.Tell("child");
        var child = await probe.ExpectMessageAsync();

        parent.Name.Should().Be("parent");
        parent.Path.Should().Be("/user/parent");
        child.Name.Should().Be("child");
        child.Path.Should().Be("/user/parent/child");
    }

    [Fact]
    public async Task Spawn_InfersTheProtocolFromTheActorType()
    {
        var events = CreateProbe<string>();
        IActorRef<string> worker = System.Spawn("inferred", () => new Worker(events));

        worker.Tell("inc");

        (await Within(worker.AskAsync<int>("get", TimeSpan.FromSeconds(5)))).Should().Be(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("with space")]
    [InlineData("$reserved")]
    public void Spawn_WithInvalidName_Throws(string name)
    {
        var act = () => System.Spawn<string>(name, () => new LambdaActor<string>((_, _) => { }));

        act.Should().Throw<InvalidActorNameException>();
    }

    [Fact]
    public async Task Spawn_WithTakenName_ThrowsUntilTheHolderHasTerminated()
    {
        var first = System.Spawn<string>("unique", () => new LambdaActor<string>((_, _) => { }));

        var again = () => System.Spawn<string>("unique", () => new LambdaActor<string>((_, _) => { }));
        again.Should().Throw<InvalidActorNameException>();

        first.Stop();
        await Within(first.WhenTerminated);
        again.Should().NotThrow();
    }

    [Fact]
    public void Spawn_WhenConstructorThrows_ThrowsAndLeavesNameFree()
    {
        var failing = () => System.Spawn<string>("picky", () => throw new InvalidOperationException("bad config"));

        failing.Should().Throw<InvalidOperationException>().WithMessage("bad config");
        var retry = () => System.Spawn<string>("picky", () => new LambdaActor<string>((_, _) => { }));
        retry.Should().NotThrow();
    }

    [Fact]
    public void Actor_CreatedOutsideSpawn_Throws()
    {
        var act = () => new LambdaActor<string>((_, _) => { });

        act.Should().Throw<InvalidOperationException>().WithMessage("*Spawn*");
    }

    [Fact]
    public void Spawn_FactoryReturningSameInstanceTwice_FailsTheSecondSpawn()
    {
        LambdaActor<string>? shared = null;
        System.Spawn<string>("first", () => shared = new LambdaActor<string>((_, _) => { }));

        var act = () => System.Spawn<string>("second", () => shared!);

        act.Should().Throw<InvalidOperationException>().WithMessage("*new*");
    }
}
