using System.Threading.Channels;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// The bounded queue between the publisher (producer) and one reader's sender (consumer). Enqueueing never
/// waits: when the reader is <see cref="Capacity"/> packets behind, <see cref="TryEnqueue"/> fails and the caller
/// drops the reader. The GOP replay given to <see cref="Prime"/> is not counted against the capacity.
/// </summary>
internal sealed class ReaderQueue(int capacity)
{
    private readonly Channel<Item> _channel = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions
    {
        SingleReader = false,
        SingleWriter = false,
        AllowSynchronousContinuations = false,
    });

    private int _liveCount;

    public int Capacity { get; } = capacity;

    /// <summary>Live packets waiting (excludes the primed replay).</summary>
    public int Count => Volatile.Read(ref _liveCount);

    /// <summary>Queues already-retained packets to be sent before anything live; call before the first enqueue.</summary>
    public void Prime(IReadOnlyList<RtpPacket> retained)
    {
        foreach (var packet in retained)
        {
            if (!_channel.Writer.TryWrite(new Item(packet, Primed: true)))
            {
                packet.Release();
            }
        }
    }

    /// <summary>Retains and queues <paramref name="packet"/>; false (nothing retained) if full or completed.</summary>
    public bool TryEnqueue(RtpPacket packet)
    {
        if (Interlocked.Increment(ref _liveCount) > Capacity)
        {
            Interlocked.Decrement(ref _liveCount);
            return false;
        }

        packet.Retain();
        if (_channel.Writer.TryWrite(new Item(packet, Primed: false)))
        {
            return true;
        }

        packet.Release();
        Interlocked.Decrement(ref _liveCount);
        return false;
    }

    /// <summary>Waits for packets; false once completed and empty. No token: <see cref="Complete"/> wakes the waiter.</summary>
    public ValueTask<bool> WaitToReadAsync() => _channel.Reader.WaitToReadAsync(CancellationToken.None);

    /// <summary>Takes the next packet; the caller owns one reference and must release it.</summary>
    public bool TryDequeue(out RtpPacket packet)
    {
        if (_channel.Reader.TryRead(out var item))
        {
            if (!item.Primed)
            {
                Interlocked.Decrement(ref _liveCount);
            }

            packet = item.Packet;
            return true;
        }

        packet = null!;
        return false;
    }

    /// <summary>Stops accepting packets and wakes the consumer.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Completes and releases everything still queued (safe to call from any thread, more than once).</summary>
    public void Drain()
    {
        Complete();
        while (TryDequeue(out var packet))
        {
            packet.Release();
        }
    }

    private readonly record struct Item(RtpPacket Packet, bool Primed);
}
