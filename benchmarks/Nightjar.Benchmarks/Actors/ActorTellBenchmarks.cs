using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Nightjar.Actors;

namespace Nightjar.Benchmarks.Actors;

/// <summary>Tell throughput into one actor, against the same traffic into a bare channel with a reader loop.</summary>
[MemoryDiagnoser]
public class ActorTellBenchmarks
{
    private const int Messages = 100_000;
    private readonly Countdown _actorCountdown = new();
    private readonly Countdown _channelCountdown = new();
    private ActorSystem _system = null!;
    private IActorRef<int> _actor = null!;
    private Channel<int> _channel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem("bench");
        _actor = _system.Spawn<int>("counter", () => new CountingActor(_actorCountdown));
        _channel = ChannelReaderLoop.Start(_channelCountdown);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _channel.Writer.Complete();
        await _system.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public Task BareChannel()
    {
        var done = _channelCountdown.Arm(Messages);
        var writer = _channel.Writer;
        for (int i = 0; i < Messages; i++)
        {
            writer.TryWrite(i);
        }

        return done;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task ActorTell()
    {
        var done = _actorCountdown.Arm(Messages);
        var actor = _actor;
        for (int i = 0; i < Messages; i++)
        {
            actor.Tell(i);
        }

        return done;
    }
}
