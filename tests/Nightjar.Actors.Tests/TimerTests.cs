namespace Nightjar.Actors.Tests;

public sealed class TimerTests : ActorTestBase
{
    private static readonly TimeSpan OneMs = TimeSpan.FromMilliseconds(1);
    private readonly TestProbe<string> _probe;
    private readonly Gate _gate = new();

    public TimerTests() => _probe = CreateProbe<string>();

    private abstract record Command;

    private sealed record StartOnce(string Key, string Payload, TimeSpan Delay) : Command;

    private sealed record StartPeriodic(string Key, string Payload, TimeSpan Interval) : Command;

    private sealed record CancelTimer(string Key) : Command;

    private sealed record Tick(string Payload) : Command;

    private sealed record Block : Command;

    private sealed record Boom : Command;

    [Fact]
    public async Task SingleTimer_FiresOnceAfterItsDelay()
    {
        var ticker = await SpawnTickerAsync(new StartOnce("k", "tick", TimeSpan.FromSeconds(5)));

        Clock.Advance(TimeSpan.FromSeconds(5) - OneMs);
        await _probe.ExpectNoMessageAsync();
        Clock.Advance(OneMs);
        await _probe.ExpectMessageAsync(m => m == "tick");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await _probe.ExpectNoMessageAsync();
        Clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public async Task SingleTimer_WithZeroDelay_FiresOnTheNextAdvance()
    {
        await SpawnTickerAsync(new StartOnce("k", "now", TimeSpan.Zero));

        Clock.Advance(TimeSpan.Zero);

        await _probe.ExpectMessageAsync(m => m == "now");
    }

    [Fact]
    public async Task PeriodicTimer_FiresEveryInterval()
    {
        await SpawnTickerAsync(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(2)));

        for (int i = 0; i < 4; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(2) - OneMs);
            await _probe.ExpectNoMessageAsync();
            Clock.Advance(OneMs);
            await _probe.ExpectMessageAsync(m => m == "tick");
        }
    }

    [Fact]
    public async Task PeriodicTimer_OnABusyActor_QueuesAtMostOneTick()
    {
        var ticker = await SpawnTickerAsync(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));
        ticker.Tell(new Block());
        await Within(_gate.Entered);

        Clock.Advance(TimeSpan.FromSeconds(10));
        _gate.Open();

        await _probe.ExpectMessageAsync(m => m == "tick");
        await _probe.ExpectNoMessageAsync();
    }

    [Fact]
    public async Task StartingAKeyAgain_ReplacesItsTimer()
    {
        var ticker = await SpawnTickerAsync(new StartOnce("k", "first", TimeSpan.FromSeconds(5)));
        await ArmAsync(ticker, new StartOnce("k", "second", TimeSpan.FromSeconds(10)));

        Clock.Advance(TimeSpan.FromSeconds(5));
        await _probe.ExpectNoMessageAsync();
        Clock.Advance(TimeSpan.FromSeconds(5));

        await _probe.ExpectMessageAsync(m => m == "second");
        await _probe.ExpectNoMessageAsync();
    }

    [Fact]
    public async Task Cancel_StopsTheTimer()
    {
        var ticker = await SpawnTickerAsync(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));

        await ArmAsync(ticker, new CancelTimer("k"));
        Clock.Advance(TimeSpan.FromSeconds(5));

        await _probe.ExpectNoMessageAsync();
        Clock.ActiveTimerCount.Should().Be(0);
    }

    [Fact]
    public async Task Timers_AreCancelledWhenTheActorStops()
    {
        int deadLetters = 0;
        System.DeadLetterPublished += (_, _) => Interlocked.Increment(ref deadLetters);
        var ticker = await SpawnTickerAsync(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));

        ticker.Stop();
        await Within(ticker.WhenTerminated);

        Clock.ActiveTimerCount.Should().Be(0);
        Clock.Advance(TimeSpan.FromSeconds(5));
        await _probe.ExpectNoMessageAsync();
        deadLetters.Should().Be(0);
    }

    [Fact]
    public async Task Timers_AreCancelledWhenTheActorRestarts()
    {
        var ticker = await SpawnTickerAsync(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));

        ticker.Tell(new Boom());
        await _probe.ExpectMessageAsync(m => m == "restarted");

        Clock.ActiveTimerCount.Should().Be(0);
        Clock.Advance(TimeSpan.FromSeconds(5));
        await _probe.ExpectNoMessageAsync();
    }

    [Fact]
    public async Task TickQueuedBeforeARestart_IsDiscarded()
    {
        var ticker = await SpawnTickerAsync(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));
        ticker.Tell(new Block());
        await Within(_gate.Entered);
        ticker.Tell(new Boom());
        Clock.Advance(TimeSpan.FromSeconds(1));
        ((Runtime.ICellRef)ticker).Cell.MailboxDepth.Should().Be(2, "the failure and then a tick are queued");

        _gate.Open();

        await _probe.ExpectMessageAsync(m => m == "restarted");
        await _probe.ExpectNoMessageAsync();
    }

    private async Task<IActorRef<Command>> SpawnTickerAsync(Command arm)
    {
        var ticker = System.Spawn<Command>("ticker", () => new LambdaActor<Command>(async (ctx, command) =>
        {
            switch (command)
            {
                case StartOnce once:
                    ctx.Timers.StartSingleTimer(once.Key, new Tick(once.Payload), once.Delay);
                    ctx.Respond("armed");
                    break;
                case StartPeriodic periodic:
                    ctx.Timers.StartPeriodicTimer(periodic.Key, new Tick(periodic.Payload), periodic.Interval);
                    ctx.Respond("armed");
                    break;
                case CancelTimer cancel:
                    ctx.Timers.Cancel(cancel.Key);
                    ctx.Respond(ctx.Timers.IsTimerActive(cancel.Key) ? "still active" : "armed");
                    break;
                case Tick tick:
                    _probe.Ref.Tell(tick.Payload);
                    break;
                case Block:
                    await _gate.PassAsync(ctx.Aborted);
                    break;
                case Boom:
                    throw new InvalidOperationException("boom");
            }
        })
        {
            OnPostRestart = (_, _) =>
            {
                _probe.Ref.Tell("restarted");
                return ValueTask.CompletedTask;
            },
        });
        await ArmAsync(ticker, arm);
        return ticker;
    }

    private static async Task ArmAsync(IActorRef<Command> ticker, Command command) =>
        (await Within(ticker.AskAsync<string>(command, Timeout.InfiniteTimeSpan))).Should().Be("armed");
}
