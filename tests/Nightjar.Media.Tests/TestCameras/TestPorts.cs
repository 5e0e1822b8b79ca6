using System.Net;
using System.Net.Sockets;

namespace Nightjar.Media.Tests.TestCameras;

/// <summary>Loopback ports for tests.</summary>
public static class TestPorts
{
    /// <summary>A port that was free a moment ago on 127.0.0.1 (for tools that cannot report the port they bound).</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
