using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nightjar.Benchmarks.Rtsp;

/// <summary>Bare RTSP/TCP client for the relay benchmark: handshake requests, then raw bytes.</summary>
internal sealed class BenchRtspClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _cseq;

    private BenchRtspClient(Socket socket) => _socket = socket;

    public Socket Socket => _socket;

    /// <summary>Bytes received after the last response (media that arrived in the same read).</summary>
    public int Leftover { get; private set; }

    public static async Task<BenchRtspClient> ConnectAsync(IPEndPoint server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server);
        return new BenchRtspClient(socket);
    }

    /// <summary>Sends a request and returns the response's Session id (or null).</summary>
    public async Task<string?> RequestAsync(string method, string url, string headers = "", string? body = null)
    {
        var bodyBytes = body is null ? [] : Encoding.ASCII.GetBytes(body);
        var text = $"{method} {url} RTSP/1.0\r\nCSeq: {++_cseq}\r\n{headers}" +
            (bodyBytes.Length > 0 ? $"Content-Type: application/sdp\r\nContent-Length: {bodyBytes.Length}\r\n" : string.Empty) + "\r\n";
        await _socket.SendAsync(Encoding.ASCII.GetBytes(text).Concat(bodyBytes).ToArray());

        var filled = 0;
        while (true)
        {
            filled += await _socket.ReceiveAsync(_buffer.AsMemory(filled));
            var head = Encoding.ASCII.GetString(_buffer, 0, filled);
            var end = head.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            if (!head.StartsWith("RTSP/1.0 200", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{method} failed: {head[..head.IndexOf('\r', StringComparison.Ordinal)]}");
            }

            var length = Header(head[..end], "Content-Length") is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
            while (filled < end + 4 + length)
            {
                filled += await _socket.ReceiveAsync(_buffer.AsMemory(filled));
            }

            Leftover = filled - (end + 4 + length);
            return Header(head[..end], "Session")?.Split(';')[0];
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string? Header(string head, string name)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }

        return null;
    }
}
