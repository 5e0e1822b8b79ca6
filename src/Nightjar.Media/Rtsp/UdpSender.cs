using System.Net;
using System.Net.Sockets;

namespace Nightjar.Media.Rtsp;

/// <summary>Sends a UDP reader's packets to its client ports from the shared server sockets.</summary>
internal sealed class UdpSender : IRtpSender
{
    private readonly UdpTransport _transport;
    private readonly SocketAddress?[] _rtp;
    private readonly SocketAddress?[] _rtcp;
    private readonly RtspMetrics _metrics;

    public UdpSender(UdpTransport transport, IPAddress client, IReadOnlyList<(int Rtp, int Rtcp)?> ports, RtspMetrics metrics)
    {
        _transport = transport;
        _metrics = metrics;
        _rtp = new SocketAddress?[ports.Count];
        _rtcp = new SocketAddress?[ports.Count];
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i] is { } pair)
            {
                _rtp[i] = new IPEndPoint(client, pair.Rtp).Serialize();
                _rtcp[i] = new IPEndPoint(client, pair.Rtcp).Serialize();
            }
        }
    }

    public async Task PumpAsync(ReaderQueue queue)
    {
        try
        {
            while (await queue.WaitToReadAsync())
            {
                var packets = 0;
                long bytes = 0;
                while (queue.TryDequeue(out var packet))
                {
                    var destination = packet.IsRtcp ? _rtcp[packet.Track] : _rtp[packet.Track];
                    if (destination is not null)
                    {
                        _transport.Send(packet.Span, packet.IsRtcp, destination);
                        packets++;
                        bytes += packet.Length;
                    }

                    packet.Release();
                }

                _metrics.Sent(packets, bytes);
            }
        }
        finally
        {
            queue.Drain();
        }
    }
}
