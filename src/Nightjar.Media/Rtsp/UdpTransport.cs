using System.Net;
using System.Net.Sockets;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// The two shared UDP sockets (RTP and RTCP) every UDP reader is served from, like MediaMTX's rtpAddress/rtcpAddress.
/// Incoming RTCP (receiver reports) proves a UDP reader is alive; anything arriving on the RTP port (ffmpeg's NAT
/// punching packets) is read and ignored.
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
        catch (SocketException)
        {
            // UDP is fire-and-forget: an unreachable reader times out through its session instead.
        }
    }

    /// <summary>Receives on both sockets until cancelled; calls <paramref name="onRtcp"/> with each RTCP sender.</summary>
    public Task RunAsync(Action<IPEndPoint> onRtcp, CancellationToken cancellationToken) =>
        Task.WhenAll(ReceiveLoopAsync(_rtcp, onRtcp, cancellationToken), ReceiveLoopAsync(_rtp, null, cancellationToken));

    public void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }

    private static async Task ReceiveLoopAsync(Socket socket, Action<IPEndPoint>? onReceive, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        var from = new SocketAddress(socket.AddressFamily);
        var template = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, cancellationToken);
                onReceive?.Invoke((IPEndPoint)template.Create(from));
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
