using System.Buffers;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// Writes queued packets as <c>$ channel length payload</c> frames (RFC 2326 §10.12) on the reader's RTSP
/// connection, batching whatever is queued into one socket write.
/// </summary>
internal sealed class TcpInterleavedSender(Func<ReadOnlyMemory<byte>, ValueTask<bool>> send, int[] rtpChannels, RtspMetrics metrics) : IRtpSender
{
    private const int BatchBytes = 64 * 1024;

    public async Task PumpAsync(ReaderQueue queue)
    {
        var batch = ArrayPool<byte>.Shared.Rent(BatchBytes + 65_540);
        try
        {
            while (await queue.WaitToReadAsync())
            {
                var length = 0;
                var packets = 0;
                while (length < BatchBytes && queue.TryDequeue(out var packet))
                {
                    length += Frame(packet, batch.AsSpan(length));
                    packets++;
                    packet.Release();
                }

                if (length == 0)
                {
                    continue;
                }

                if (!await send(batch.AsMemory(0, length)))
                {
                    return;
                }

                metrics.Sent(packets, length);
            }
        }
        finally
        {
            queue.Drain();
            ArrayPool<byte>.Shared.Return(batch);
        }
    }

    private int Frame(RtpPacket packet, Span<byte> destination)
    {
        var channel = rtpChannels[packet.Track] + (packet.IsRtcp ? 1 : 0);
        destination[0] = (byte)'$';
        destination[1] = (byte)channel;
        destination[2] = (byte)(packet.Length >> 8);
        destination[3] = (byte)packet.Length;
        packet.Span.CopyTo(destination[4..]);
        return packet.Length + 4;
    }
}
