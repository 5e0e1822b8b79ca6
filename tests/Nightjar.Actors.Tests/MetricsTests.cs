namespace Nightjar.Actors.Tests;

public sealed class MetricsTests : ActorTestBase, IDisposable
{
    private readonly ActorMetricsCollector _metrics;
    private readonly TestProbe<string> _events;

    public MetricsTests()
    {
        _metrics = new ActorMetricsCollector(System);
        _events = CreateProbe<string>();
    }

    [Fact]
    public async Task Alive_CountsLiveActorsByType()
    {
        var workers = Enumerable.Range(0, 3).Select(i => System.Spawn<string>($"w{i}", () => new Worker(_events))).ToList();

        _metrics.Observe("nightjar.actors.alive", "Worker").Should().Be(3);
        _metrics.Observe("nightjar.actors.alive", "ProbeActor").Should().Be(1);

        workers[0].Stop();
        await Within(workers[0].WhenTerminated);
        _metrics.Observe("nightjar.actors.alive", "Worker").Should().Be(2);
    }

    [Fact]
    public async Task Messages_CountsProcessedMessagesIncludingStoppedActors()
    {
        var worker = System.Spawn<string>("w", () => new Worker(_events));
        for (int i = 0; i < 5; i++)
        {
            worker.Tell("inc");
        }

        (await Within(worker.AskAsync<int>("get", TimeSpan.FromSeconds(5)))).Should().Be(5);
        _metrics.Observe("nightjar.actors.messages", "Worker").Should().Be(6);

        worker.Stop();
        await Within(worker.WhenTerminated);
        _metrics.Observe("nightjar.actors.messages", "Worker").Should().Be(6);
    }

    [Fact]
    public async Task MailboxDepth_ReportsQueuedMessagesByType()
    {
        var gate = new Gate();
        var actor = System.Spawn<int>("busy", () => new LambdaActor<int>(async (ctx, _) => await gate.PassAsync(ctx.Aborted)));
        actor.Tell(0);
        await Within(gate.Entered);
        for (int i = 0; i < 4; i++)
        {
            actor.Tell(i);
        }

        _metrics.Observe("nightjar.actors.mailbox.depth", "LambdaActor").Should().Be(4);
        gate.Open();
    }

    [Fact]
    public async Task Restarts_AreCountedByType()
    {
        var worker = System.Spawn<string>("w", () => new Worker(_events));

        for (int i = 0; i < 2; i++)
        {
            worker.Tell("boom");
            await _events.FishForMessageAsync(m => m == "w post-restart");
        }

        _metrics.Counter("nightjar.actors.restarts", "Worker").Should().Be(2);
    }

    [Fact]
    public async Task DeadLetters_AreCountedByReason()
    {
        var worker = System.Spawn<string>("w", () => new Worker(_events));
        worker.Stop();
        await Within(worker.WhenTerminated);

        worker.Tell("hello?");

        _metrics.Counter("nightjar.actors.dead_letters", "recipient_stopped").Should().Be(1);
    }

    public void Dispose() => _metrics.Dispose();
}
