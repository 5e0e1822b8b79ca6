using System.Net;

namespace Nightjar.Media.Rtsp;

/// <summary>Receives one datagram from the shared UDP sockets; <paramref name="from"/> is reused for the next one.</summary>
internal delegate void UdpPacketHandler(SocketAddress from, ReadOnlySpan<byte> data, bool isRtcp);
