using System.Net.Sockets;
using System.Text;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>One raw RTSP request over TCP to 127.0.0.1 and its response head, with a hard deadline.</summary>
internal static class RtspClient
{
    public static async Task<RtspAnswer> RequestAsync(int port, string request)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port, deadline.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), deadline.Token);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, deadline.Token);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var head = received.ToString().Split("\r\n\r\n")[0].Split("\r\n");
        return new RtspAnswer(head[0], head.Skip(1).ToList());
    }
}
