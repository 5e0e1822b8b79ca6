using System.Net;
using System.Net.Sockets;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// A loopback TCP port nobody listens on right now. Cluster nodes must know their ports before they start (their
/// Node:PublicUrl and Node:RtspUrl name them), so port 0 cannot be used; the tiny race with another process is accepted.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
