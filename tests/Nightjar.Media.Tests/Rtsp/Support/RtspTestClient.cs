using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>
/// A deliberately small, independent RTSP/TCP client for tests: raw requests, responses, and <c>$</c> frames.
/// It shares no code with the server, so it checks the wire format rather than our own assumptions.
/// </summary>
internal sealed class RtspTestClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[256 * 1024];
    private int _start;
    private int _end;
    private int _cseq;

    private RtspTestClient(Socket socket, IPEndPoint server)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        BaseUrl = $"rtsp://{server.Address}:{server.Port}";
    }

    public string BaseUrl { get; }

    public Stream Stream => _stream;

    /// <summary>Interleaved frames skipped while waiting for a response.</summary>
    public int FramesSkipped { get; private set; }

    public static async Task<RtspTestClient> ConnectAsync(IPEndPoint server, int? receiveBufferBytes = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBufferBytes is { } size)
        {
            socket.ReceiveBufferSize = size;
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(server, cts.Token);
        return new RtspTestClient(socket, server);
    }

    public string Url(string path) => BaseUrl + "/" + path;

    public Task SendRawAsync(byte[] bytes, CancellationToken cancellationToken = default) => _stream.WriteAsync(bytes, cancellationToken).AsTask();

    public async Task<RtspTestResponse> RequestAsync(string method, string url, IEnumerable<(string Name, string Value)>? headers = null, string? body = null, string contentType = "application/sdp")
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{method} {url} RTSP/1.0\r\nCSeq: {++_cseq}\r\nUser-Agent: nightjar-tests\r\n");
        foreach (var (name, value) in headers ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        var bodyBytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        if (bodyBytes.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\nContent-Length: {bodyBytes.Length}\r\n");
        }

        text.Append("\r\n");
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()).Concat(bodyBytes).ToArray());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var response = await ReadResponseAsync(cts.Token);
        response.Header("CSeq").Should().Be(_cseq.ToString(CultureInfo.InvariantCulture), "every response echoes the request's CSeq");
        return response;
    }

    /// <summary>Reads the next response, skipping interleaved frames.</summary>
    public async Task<RtspTestResponse> ReadResponseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await FillAsync(1, cancellationToken);
            if (_buffer[_start] == (byte)'$')
            {
                await ReadFrameAsync(cancellationToken);
                FramesSkipped++;
                continue;
            }

            var headerEnd = await FindAsync("\r\n\r\n"u8.ToArray(), cancellationToken);
            var head = Encoding.UTF8.GetString(_buffer, _start, headerEnd - _start);
            _start = headerEnd + 4;
            var lines = head.Split("\r\n");
            var status = lines[0].Split(' ', 3);
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }

            var length = int.Parse(headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value ?? "0", CultureInfo.InvariantCulture);
            await FillAsync(length, cancellationToken);
            var body = Encoding.UTF8.GetString(_buffer, _start, length);
            _start += length;
            return new RtspTestResponse(int.Parse(status[1], CultureInfo.InvariantCulture), status.Length > 2 ? status[2] : string.Empty, headers, body);
        }
    }

    /// <summary>Reads one <c>$</c> frame; null when the server closed the connection.</summary>
    public async Task<(int Channel, byte[] Payload)?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!await TryFillAsync(4, cancellationToken))
            {
                return null;
            }

            if (_buffer[_start] != (byte)'$')
            {
                // An RTSP message from the server between frames (none expected while playing): skip it.
                await ReadResponseAsync(cancellationToken);
                continue;
            }

            var channel = _buffer[_start + 1];
            var length = (_buffer[_start + 2] << 8) | _buffer[_start + 3];
            if (!await TryFillAsync(4 + length, cancellationToken))
            {
                return null;
            }

            var payload = _buffer.AsSpan(_start + 4, length).ToArray();
            _start += 4 + length;
            return (channel, payload);
        }
    }

    /// <summary>Sends one interleaved frame (a publisher's RTP).</summary>
    public async Task SendFrameAsync(int channel, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var frame = new byte[payload.Length + 4];
        frame[0] = (byte)'$';
        frame[1] = (byte)channel;
        frame[2] = (byte)(payload.Length >> 8);
        frame[3] = (byte)payload.Length;
        payload.Span.CopyTo(frame.AsSpan(4));
        await _stream.WriteAsync(frame, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task FillAsync(int count, CancellationToken cancellationToken)
    {
        if (!await TryFillAsync(count, cancellationToken))
        {
            throw new EndOfStreamException("The server closed the connection.");
        }
    }

    private async Task<bool> TryFillAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            }
            catch (IOException)
            {
                return false;
            }

            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }

    private async Task<int> FindAsync(byte[] pattern, CancellationToken cancellationToken)
    {
        var from = _start;
        while (true)
        {
            var index = _buffer.AsSpan(from, _end - from).IndexOf(pattern);
            if (index >= 0)
            {
                return from + index;
            }

            var consumedBefore = _start;
            await FillAsync(_end - _start + 1, cancellationToken);
            from = Math.Max(_start, _start + (from - consumedBefore) - pattern.Length);
        }
    }
}
