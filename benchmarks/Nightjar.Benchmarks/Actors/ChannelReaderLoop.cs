using System.Threading.Channels;

namespace Nightjar.Benchmarks.Actors;

/// <summary>The baseline: what an actor would be with nothing but a channel and a reader loop.</summary>
internal static class ChannelReaderLoop
{
    public static Channel<int> Start(Countdown countdown)
    {
        var channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
        _ = RunAsync(channel.Reader, countdown);
        return channel;
    }

    private static async Task RunAsync(ChannelReader<int> reader, Countdown countdown)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out _))
            {
                countdown.Signal();
            }
        }
    }
}
