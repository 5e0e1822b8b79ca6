using System.Net;
using System.Net.Sockets;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// The two shared UDP sockets (RTP and RTCP) every UDP session uses, like MediaMTX's rtpAddress/rtcpAddress.
/// Incoming packets go to one handler with their source address: RTP/RTCP of UDP publishers, receiver reports of
/// readers (liveness), and ffmpeg's NAT punching packets (ignored).
/// </summary>
internal sealed class UdpTransport : IDisposable
{
    private readonly Socket _rtp;
    private readonly Socket _rtcp;

    private UdpTransport(Socket rtp, Socket rtcp)
    {
        _rtp = rtp;
        _rtcp = rtcp;
        RtpPort = ((IPEndPoint)rtp.LocalEndPoint!).Port;
        RtcpPort = ((IPEndPoint)rtcp.LocalEndPoint!).Port;
    }

    public int RtpPort { get; }

    public int RtcpPort { get; }

    /// <summary>Binds the pair; with both ports 0 it looks for a free even/odd pair as RFC 3550 suggests.</summary>
    public static UdpTransport Bind(IPAddress address, int rtpPort, int rtcpPort)
    {
        if (rtpPort != 0)
        {
            return new UdpTransport(Open(address, rtpPort), Open(address, rtcpPort));
        }

        for (var attempt = 0; attempt < 32; attempt++)
        {
            var rtp = Open(address, 0);
            var port = ((IPEndPoint)rtp.LocalEndPoint!).Port;
            if (port % 2 == 0 && port < 65535)
            {
                try
                {
                    return new UdpTransport(rtp, Open(address, port + 1));
                }
                catch (SocketException)
                {
                    // The odd neighbour is taken; try another pair.
                }
            }

            rtp.Dispose();
        }

        return new UdpTransport(Open(address, 0), Open(address, 0));
    }

    public void Send(ReadOnlySpan<byte> data, bool rtcp, SocketAddress destination)
    {
        try
        {
            (rtcp ? _rtcp : _rtp).SendTo(data, SocketFlags.None, destination);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // UDP is fire-and-forget: an unreachable reader times out through its session, and a stopping server
            // closes the sockets under a sender that has not noticed yet.
        }
    }

    /// <summary>Receives on both sockets until cancelled. The handler must not keep the address or the span.</summary>
    public Task RunAsync(UdpPacketHandler onPacket, CancellationToken cancellationToken) =>
        Task.WhenAll(ReceiveLoopAsync(_rtcp, onPacket, isRtcp: true, cancellationToken), ReceiveLoopAsync(_rtp, onPacket, isRtcp: false, cancellationToken));

    public void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }

    private static async Task ReceiveLoopAsync(Socket socket, UdpPacketHandler onPacket, bool isRtcp, CancellationToken cancellationToken)
    {
        var buffer = new byte[65_536];
        var from = new SocketAddress(socket.AddressFamily);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, cancellationToken);
                onPacket(from, buffer.AsSpan(0, received), isRtcp);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP errors surface here on some platforms; keep receiving.
            }
        }
    }

    private static Socket Open(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
