using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Nightjar.Actors;

namespace Nightjar.Benchmarks.Actors;

/// <summary>Tell throughput spread round-robin over 100 actors, against 100 bare channels with a reader loop each.</summary>
[MemoryDiagnoser]
public class ActorTellManyBenchmarks
{
    private const int Targets = 100;
    private const int Messages = 100_000;
    private readonly Countdown _actorCountdown = new();
    private readonly Countdown _channelCountdown = new();
    private ActorSystem _system = null!;
    private IActorRef<int>[] _actors = null!;
    private Channel<int>[] _channels = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem("bench");
        _actors = Enumerable.Range(0, Targets)
            .Select(i => _system.Spawn<int>($"counter-{i}", () => new CountingActor(_actorCountdown)))
            .ToArray();
        _channels = Enumerable.Range(0, Targets).Select(_ => ChannelReaderLoop.Start(_channelCountdown)).ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.Complete();
        }

        await _system.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public Task BareChannels()
    {
        var done = _channelCountdown.Arm(Messages);
        var channels = _channels;
        for (int i = 0; i < Messages; i++)
        {
            channels[i % Targets].Writer.TryWrite(i);
        }

        return done;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task ActorTellToMany()
    {
        var done = _actorCountdown.Arm(Messages);
        var actors = _actors;
        for (int i = 0; i < Messages; i++)
        {
            actors[i % Targets].Tell(i);
        }

        return done;
    }
}
