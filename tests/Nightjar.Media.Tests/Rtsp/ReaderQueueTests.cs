using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class ReaderQueueTests
{
    [Fact]
    public void TryEnqueue_AtCapacity_FailsWithoutBlocking()
    {
        var queue = new ReaderQueue(capacity: 2);
        var packet = RtpPacket.Rent(new byte[12], 0, false);

        var results = new[] { queue.TryEnqueue(packet), queue.TryEnqueue(packet), queue.TryEnqueue(packet) };

        results.Should().Equal(true, true, false);
        queue.Count.Should().Be(2);
        queue.Drain();
        packet.Release();
    }

    [Fact]
    public void Prime_IsDeliveredFirstAndDoesNotCountAgainstCapacity()
    {
        var queue = new ReaderQueue(capacity: 1);
        var primed = Enumerable.Range(0, 5).Select(i => Packet(i)).ToList();
        queue.Prime(primed);
        var live = Packet(99);

        queue.TryEnqueue(live).Should().BeTrue();
        live.Release();

        var order = new List<int>();
        while (queue.TryDequeue(out var packet))
        {
            order.Add(packet.Sequence);
            packet.Release();
        }

        order.Should().Equal(0, 1, 2, 3, 4, 99);
    }

    [Fact]
    public async Task Drain_CompletesTheQueueAndWakesTheConsumer()
    {
        var queue = new ReaderQueue(capacity: 4);
        var waiting = queue.WaitToReadAsync().AsTask();
        var packet = Packet(1);
        queue.TryEnqueue(packet).Should().BeTrue();

        queue.Drain();

        (await waiting).Should().BeTrue("the first wait saw the packet");
        (await queue.WaitToReadAsync()).Should().BeFalse("a drained queue is complete");
        queue.TryEnqueue(packet).Should().BeFalse("nothing is accepted after completion");
        queue.Count.Should().Be(0);
        packet.Release();
    }

    private static RtpPacket Packet(int sequence)
    {
        var packet = RtpPacket.Rent(new byte[12], 0, false);
        packet.Sequence = (ushort)sequence;
        return packet;
    }
}
