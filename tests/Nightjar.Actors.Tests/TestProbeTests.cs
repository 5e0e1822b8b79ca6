namespace Nightjar.Actors.Tests;

public sealed class TestProbeTests : ActorTestBase
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task ExpectMessage_ReturnsTheNextMessage()
    {
        var probe = CreateProbe<object>();
        probe.Ref.Tell("hello");
        probe.Ref.Tell(42);

        (await probe.ExpectMessageAsync()).Should().Be("hello");
        (await probe.ExpectMessageAsync<int>()).Should().Be(42);
    }

    [Fact]
    public async Task ExpectMessage_WhenNothingArrives_ThrowsTimeout()
    {
        var probe = CreateProbe<string>();

        await probe.Invoking(p => p.ExpectMessageAsync(Short)).Should().ThrowAsync<TimeoutException>().WithMessage("*expected a message*");
    }

    [Fact]
    public async Task ExpectMessage_OfTheWrongKind_ThrowsAssertion()
    {
        var probe = CreateProbe<object>();
        probe.Ref.Tell("text");
        probe.Ref.Tell("more text");

        await probe.Invoking(p => p.ExpectMessageAsync<int>()).Should().ThrowAsync<ProbeAssertionException>().WithMessage("*Int32*String*");
        await probe.Invoking(p => p.ExpectMessageAsync(m => m is int)).Should().ThrowAsync<ProbeAssertionException>();
    }

    [Fact]
    public async Task ExpectNoMessage_FailsWhenSomethingArrives()
    {
        var probe = CreateProbe<string>();
        await probe.ExpectNoMessageAsync(Short);

        probe.Ref.Tell("surprise");

        await probe.Invoking(p => p.ExpectNoMessageAsync(Short)).Should().ThrowAsync<ProbeAssertionException>().WithMessage("*surprise*");
    }

    [Fact]
    public async Task FishForMessage_SkipsUntilAMatch()
    {
        var probe = CreateProbe<int>();
        foreach (var n in new[] { 1, 3, 4, 5 })
        {
            probe.Ref.Tell(n);
        }

        (await probe.FishForMessageAsync(n => n % 2 == 0)).Should().Be(4);
        (await probe.ExpectMessageAsync()).Should().Be(5);
        await probe.Invoking(p => p.FishForMessageAsync(n => n > 100, Short)).Should().ThrowAsync<TimeoutException>();
    }

    [Fact]
    public async Task Reply_AnswersTheAskThatCarriedTheLastMessage()
    {
        var probe = CreateProbe<string>();

        var ask = probe.Ref.AskAsync<int>("how many?", TimeSpan.FromSeconds(5));
        await probe.ExpectMessageAsync(m => m == "how many?");
        probe.Reply(3).Should().BeTrue();

        (await Within(ask)).Should().Be(3);
    }

    [Fact]
    public async Task Reply_WhenTheLastMessageWasTold_Throws()
    {
        var probe = CreateProbe<string>();
        probe.Ref.Tell("fire and forget");
        await probe.ExpectMessageAsync();

        probe.Invoking(p => p.Reply(1)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task ExpectTerminated_SeesAWatchedActorStop()
    {
        var probe = CreateProbe<string>();
        var target = System.Spawn<string>("target", () => new LambdaActor<string>((_, _) => { }));
        probe.Watch(target);

        target.Stop();

        (await probe.ExpectTerminatedAsync(target)).Actor.Should().BeSameAs(target);
    }

    [Fact]
    public async Task ExpectTerminated_WhenAMessageComesFirst_ThrowsAssertion()
    {
        var probe = CreateProbe<string>();
        var target = System.Spawn<string>("target", () => new LambdaActor<string>((_, _) => { }));
        probe.Ref.Tell("noise");

        await probe.Invoking(p => p.ExpectTerminatedAsync(target, Short)).Should().ThrowAsync<ProbeAssertionException>();
    }

    [Fact]
    public async Task ReceiveMessages_CollectsInOrderWithinOneDeadline()
    {
        var probe = CreateProbe<int>();
        probe.Ref.Tell(1);
        probe.Ref.Tell(2);

        (await probe.ReceiveMessagesAsync(2)).Should().Equal(1, 2);
        await probe.Invoking(p => p.ReceiveMessagesAsync(1, Short)).Should().ThrowAsync<TimeoutException>();
    }
}
