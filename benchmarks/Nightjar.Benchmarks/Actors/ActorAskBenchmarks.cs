using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Nightjar.Actors;

namespace Nightjar.Benchmarks.Actors;

/// <summary>
/// Sequential request/reply round trips: ask (with and without a timeout timer) against a bare channel carrying a
/// completion source per request.
/// </summary>
[MemoryDiagnoser]
public class ActorAskBenchmarks
{
    private const int RoundTrips = 1_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private ActorSystem _system = null!;
    private IActorRef<int> _echo = null!;
    private Channel<(int Value, TaskCompletionSource<int> Reply)> _requests = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = new ActorSystem("bench");
        _echo = _system.Spawn<int>("echo", () => new EchoActor());
        _requests = Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });
        _ = EchoLoopAsync(_requests.Reader);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _requests.Writer.Complete();
        await _system.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public async Task<int> BareChannelRequestReply()
    {
        int sum = 0;
        for (int i = 0; i < RoundTrips; i++)
        {
            var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _requests.Writer.TryWrite((i, reply));
            sum += await reply.Task;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task<int> ActorAsk()
    {
        int sum = 0;
        for (int i = 0; i < RoundTrips; i++)
        {
            sum += await _echo.AskAsync<int>(i, Timeout);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task<int> ActorAskWithoutTimeout()
    {
        int sum = 0;
        for (int i = 0; i < RoundTrips; i++)
        {
            sum += await _echo.AskAsync<int>(i, System.Threading.Timeout.InfiniteTimeSpan);
        }

        return sum;
    }

    private static async Task EchoLoopAsync(ChannelReader<(int Value, TaskCompletionSource<int> Reply)> reader)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var request))
            {
                request.Reply.SetResult(request.Value);
            }
        }
    }
}
