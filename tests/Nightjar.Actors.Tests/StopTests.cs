namespace Nightjar.Actors.Tests;

public sealed class StopTests : ActorTestBase
{
    [Fact]
    public async Task Stop_ProcessesQueuedMessagesFirst()
    {
        var probe = CreateProbe<string>();
        var gate = new Gate();
        var actor = System.Spawn<string>("drainer", () => new LambdaActor<string>(async (ctx, m) =>
        {
            if (m == "block")
            {
                await gate.PassAsync(ctx.Aborted);
            }

            probe.Ref.Tell(m);
        }));
        actor.Tell("block");
        await Within(gate.Entered);
        actor.Tell("a");
        actor.Tell("b");

        actor.Stop();
        actor.Tell("after stop");
        gate.Open();

        (await probe.ReceiveMessagesAsync(3)).Should().Equal("block", "a", "b");
        await Within(actor.WhenTerminated);
        await probe.ExpectNoMessageAsync();
    }

    [Fact]
    public async Task Kill_DropsQueuedMessagesAndAbortsTheCurrentOne()
    {
        var probe = CreateProbe<string>();
        var deadLetters = 0;
        System.DeadLetterPublished += (_, _) => Interlocked.Increment(ref deadLetters);
        var gate = new Gate();
        var actor = System.Spawn<string>("victim", () => new LambdaActor<string>(async (ctx, m) =>
        {
            if (m == "block")
            {
                try
                {
                    await gate.PassAsync(ctx.Aborted);
                }
                catch (OperationCanceledException)
                {
                    probe.Ref.Tell("aborted");
                    throw;
                }
            }

            probe.Ref.Tell(m);
        }));
        actor.Tell("block");
        await Within(gate.Entered);
        actor.Tell("a");
        actor.Tell("b");

        actor.Kill();

        await probe.ExpectMessageAsync(m => m == "aborted");
        await Within(actor.WhenTerminated);
        await probe.ExpectNoMessageAsync();
        deadLetters.Should().Be(2);
    }

    [Fact]
    public async Task Kill_AfterCancelledHandler_IsNotTreatedAsFailure()
    {
        var probe = CreateProbe<string>();
        var watcherProbe = CreateProbe<string>();
        var gate = new Gate();
        var actor = System.Spawn<string>("victim", () => new LambdaActor<string>(async (ctx, _) => await gate.PassAsync(ctx.Aborted))
        {
            OnPreRestart = (_, _) =>
            {
                probe.Ref.Tell("restarting");
                return ValueTask.CompletedTask;
            },
        });
        watcherProbe.Watch(actor);
        actor.Tell("block");
        await Within(gate.Entered);

        actor.Kill();

        var terminated = await watcherProbe.ExpectTerminatedAsync(actor);
        terminated.Failure.Should().BeNull();
        await probe.ExpectNoMessageAsync();
    }

    [Fact]
    public async Task Stop_StopsChildrenBeforeTheParentsStoppedHook()
    {
        var probe = CreateProbe<string>();
        var children = new List<IActorRef>();
        var parent = System.Spawn<string>("parent", () => new LambdaActor<string>((_, _) => { })
        {
            OnStarted = ctx =>
            {
                foreach (var name in new[] { "left", "right" })
                {
                    children.Add(ctx.Spawn<string>(name, () => new LambdaActor<string>((_, _) => { })
                    {
                        OnStopped = child =>
                        {
                            probe.Ref.Tell("child stopped");
                            return ValueTask.CompletedTask;
                        },
                    }));
                }

                probe.Ref.Tell("started");
                return ValueTask.CompletedTask;
            },
            OnStopped = _ =>
            {
                probe.Ref.Tell("parent stopped");
                return ValueTask.CompletedTask;
            },
        });
        await probe.ExpectMessageAsync(m => m == "started");

        parent.Stop();

        (await probe.ReceiveMessagesAsync(3)).Should().Equal("child stopped", "child stopped", "parent stopped");
        await Within(Task.WhenAll(children.Select(c => c.WhenTerminated)));
        await Within(parent.WhenTerminated);
    }

    [Fact]
    public async Task Kill_OfParent_KillsGrandchildren()
    {
        var probe = CreateProbe<IActorRef>();
        var parent = System.Spawn<string>("parent", () => new LambdaActor<string>((_, _) => { })
        {
            OnStarted = ctx =>
            {
                var child = ctx.Spawn<string>("child", () => new LambdaActor<string>((_, _) => { })
                {
                    OnStarted = childCtx =>
                    {
                        probe.Ref.Tell(childCtx.Spawn<string>("grandchild", () => new LambdaActor<string>((_, _) => { })));
                        return ValueTask.CompletedTask;
                    },
                });
                return ValueTask.CompletedTask;
            },
        });
        var grandchild = await probe.ExpectMessageAsync();
        grandchild.Path.Should().Be("/user/parent/child/grandchild");

        parent.Kill();

        await Within(grandchild.WhenTerminated);
        await Within(parent.WhenTerminated);
    }

    [Fact]
    public async Task ContextStop_StopsTheActorItself()
    {
        var probe = CreateProbe<string>();
        var actor = System.Spawn<string>("quitter", () => new LambdaActor<string>((ctx, m) =>
        {
            probe.Ref.Tell(m);
            if (m == "quit")
            {
                ctx.Stop();
            }
        }));

        actor.Tell("quit");

        await probe.ExpectMessageAsync(m => m == "quit");
        await Within(actor.WhenTerminated);
    }

    [Fact]
    public async Task StoppedHook_ThatThrows_StillTerminates()
    {
        var actor = System.Spawn<string>("messy", () => new LambdaActor<string>((_, _) => { })
        {
            OnStopped = _ => throw new IOException("disk gone"),
        });

        actor.Stop();

        await Within(actor.WhenTerminated);
    }

    [Fact]
    public async Task SystemStopAsync_DrainsEveryTopLevelActor()
    {
        var processed = new List<string>();
        var gate = new Gate();
        var a = System.Spawn<string>("a", () => new LambdaActor<string>(async (ctx, m) =>
        {
            if (m == "block")
            {
                await gate.PassAsync(ctx.Aborted);
            }

            processed.Add(m);
        }));
        a.Tell("block");
        await Within(gate.Entered);
        a.Tell("last words");

        var stopping = System.StopAsync();
        gate.Open();
        await Within(stopping);

        processed.Should().Equal("block", "last words");
        a.WhenTerminated.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public async Task DisposedSystem_RefusesSpawns()
    {
        var system = new ActorSystem("short-lived", new ActorSystemOptions { TimeProvider = Clock });
        var actor = system.Spawn<string>("a", () => new LambdaActor<string>((_, _) => { }));

        await system.DisposeAsync();

        actor.WhenTerminated.IsCompleted.Should().BeTrue();
        system.WhenTerminated.IsCompleted.Should().BeTrue();
        var spawn = () => system.Spawn<string>("b", () => new LambdaActor<string>((_, _) => { }));
        spawn.Should().Throw<ObjectDisposedException>();
    }
}
