using Nightjar.Actors;

namespace Nightjar.Benchmarks.Actors;

internal sealed class EchoActor : Actor<int>
{
    protected override ValueTask ReceiveAsync(int message)
    {
        Context.Respond(message);
        return ValueTask.CompletedTask;
    }
}
