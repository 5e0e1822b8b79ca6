using System.Globalization;

namespace Nightjar.Actors.Tests;

public sealed class MailboxTests : ActorTestBase
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private readonly TestProbe<string> _probe;
    private readonly Gate _gate = new();
    private readonly List<DeadLetter> _deadLetters = [];

    public MailboxTests()
    {
        _probe = CreateProbe<string>();
        System.DeadLetterPublished += (_, letter) =>
        {
            lock (_deadLetters)
            {
                _deadLetters.Add(letter);
            }
        };
    }

    [Fact]
    public async Task DropNewest_KeepsTheQueueAndDropsIncomingMessages()
    {
        var actor = await SpawnBlockedAsync(MailboxFullMode.DropNewest);

        foreach (var m in new[] { "1", "2", "3", "4" })
        {
            actor.Tell(m);
        }

        var ask = actor.AskAsync<string>("5", AskTimeout);
        await ask.Invoking(a => Within(a)).Should().ThrowAsync<MailboxFullException>();
        _gate.Open();
        (await _probe.ReceiveMessagesAsync(2)).Should().Equal("1", "2");
        await _probe.ExpectNoMessageAsync();
        DeadLetterMessages().Should().Equal("3", "4", "5");
    }

    [Fact]
    public async Task DropOldest_MakesRoomByDroppingTheOldestQueued()
    {
        var actor = await SpawnBlockedAsync(MailboxFullMode.DropOldest);
        var droppedAsk = actor.AskAsync<string>("1", AskTimeout);

        foreach (var m in new[] { "2", "3", "4" })
        {
            actor.Tell(m);
        }

        await droppedAsk.Invoking(a => Within(a)).Should().ThrowAsync<MailboxFullException>();
        _gate.Open();
        (await _probe.ReceiveMessagesAsync(2)).Should().Equal("3", "4");
        await _probe.ExpectNoMessageAsync();
        DeadLetterMessages().Should().Equal("1", "2");
    }

    [Fact]
    public async Task Fail_RejectsTheSender()
    {
        var actor = await SpawnBlockedAsync(MailboxFullMode.Fail);
        actor.Tell("1");
        actor.Tell("2");

        actor.Invoking(a => a.Tell("3")).Should().Throw<MailboxFullException>().Which.ActorPath.Should().Be(actor.Path);
        await actor.Invoking(a => a.TellAsync("4").AsTask()).Should().ThrowAsync<MailboxFullException>();
        await actor.Invoking(a => Within(a.AskAsync<string>("5", AskTimeout))).Should().ThrowAsync<MailboxFullException>();

        _gate.Open();
        (await _probe.ReceiveMessagesAsync(2)).Should().Equal("1", "2");
        await _probe.ExpectNoMessageAsync();
    }

    [Fact]
    public async Task Wait_BackPressuresAsyncSendersUntilThereIsRoom()
    {
        var actor = await SpawnBlockedAsync(MailboxFullMode.Wait);
        actor.Tell("1");
        actor.Tell("2");

        var third = actor.TellAsync("3").AsTask();
        var fourth = actor.AskAsync<string>("4", AskTimeout);
        actor.Invoking(a => a.Tell("sync")).Should().Throw<MailboxFullException>("a synchronous tell cannot wait");
        await _probe.ExpectNoMessageAsync();
        third.IsCompleted.Should().BeFalse();

        _gate.Open();

        await Within(third);
        (await Within(fourth)).Should().Be("4");
        (await _probe.ReceiveMessagesAsync(4)).Should().Equal("1", "2", "3", "4");
    }

    [Fact]
    public async Task Wait_SenderCancelledWhileWaiting_GetsCancellation()
    {
        var actor = await SpawnBlockedAsync(MailboxFullMode.Wait);
        actor.Tell("1");
        actor.Tell("2");
        using var cts = new CancellationTokenSource();

        var waiting = actor.TellAsync("3", cts.Token).AsTask();
        await cts.CancelAsync();

        await waiting.Invoking(w => Within(w)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Unbounded_AcceptsEverythingWhileTheActorIsBusy()
    {
        var actor = await SpawnBlockedAsync(mode: null);

        for (int i = 0; i < 10_000; i++)
        {
            actor.Tell(i.ToString(CultureInfo.InvariantCulture));
        }

        ((Runtime.ICellRef)actor).Cell.MailboxDepth.Should().Be(10_000);
        _gate.Open();
        (await _probe.ReceiveMessagesAsync(10_000)).Should().HaveCount(10_000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Bounded_WithoutPositiveCapacity_Throws(int capacity)
    {
        var act = () => MailboxOptions.Bounded(capacity);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private async Task<IActorRef<string>> SpawnBlockedAsync(MailboxFullMode? mode)
    {
        var actor = System.Spawn<string>(
            "bounded",
            () => new LambdaActor<string>(async (ctx, m) =>
            {
                if (m == "block")
                {
                    await _gate.PassAsync(ctx.Aborted);
                    return;
                }

                _probe.Ref.Tell(m);
                ctx.Respond(m);
            }),
            new SpawnOptions { Mailbox = mode is { } fullMode ? MailboxOptions.Bounded(2, fullMode) : MailboxOptions.Unbounded });
        actor.Tell("block");
        await Within(_gate.Entered);
        return actor;
    }

    private List<object?> DeadLetterMessages()
    {
        lock (_deadLetters)
        {
            return _deadLetters.Where(d => d.Reason == DeadLetterReason.MailboxFull).Select(d => d.Message).ToList();
        }
    }
}
