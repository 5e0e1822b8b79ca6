using Nightjar.Actors;

namespace Nightjar.Benchmarks.Actors;

/// <summary>The cheapest possible handler, so the benchmark measures the runtime and not the work.</summary>
internal sealed class CountingActor(Countdown countdown) : Actor<int>
{
    protected override ValueTask ReceiveAsync(int message)
    {
        countdown.Signal();
        return ValueTask.CompletedTask;
    }
}
