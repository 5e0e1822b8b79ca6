using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Nightjar.Media.Rtsp;
using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

/// <summary>Hostile input over real sockets: the relay answers or hangs up, never crashes, hangs or leaks a session.</summary>
public sealed class RtspServerFuzzTests
{
    private const string GoodRequest = "DESCRIBE rtsp://127.0.0.1/cam RTSP/1.0\r\nCSeq: 7\r\nAccept: application/sdp\r\n\r\n";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Server_UnderRandomTruncatedAndOversizedInput_StaysUpLeaksNothingAndServesGoodClient()
    {
        var logs = new CapturingLoggerFactory();
        await using var server = await TestRelay.StartAsync(o => o.ReadTimeout = TimeSpan.FromSeconds(1), loggerFactory: logs);
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await publisher.SendFramesAsync(30);
        var budget = TimeProvider.System.GetTimestamp();
        var scenarios = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
        {
            var random = new Random(1000 + worker);
            for (var i = 0; i < 60 && TimeProvider.System.GetElapsedTime(budget) < TimeSpan.FromSeconds(15); i++)
            {
                await RunScenarioAsync(server, random, i);
                Interlocked.Increment(ref scenarios);
                if (i % 10 == 0)
                {
                    await publisher.SendFramesAsync(1);
                }
            }
        }));
        await FuzzUdpAsync(server, new Random(7));

        await Poll.UntilAsync(() => server.ConnectionCount == 1 && server.SessionCount == 1, Deadline, "only the publisher's connection and session remain");
        await using var reader = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam");
        await publisher.SendFramesAsync(5);
        await Poll.UntilAsync(() => reader.Packets > 20, Deadline, "a good client is served after the storm");

        scenarios.Should().BeGreaterThan(100);
        reader.Gaps.Should().Be(0);
        logs.Entries.Where(e => e.Level >= LogLevel.Error).Should().BeEmpty("no exception escaped a request handler or connection");
    }

    [Fact]
    public async Task Server_ClientStoppingMidRequest_IsDisconnectedAfterReadTimeout()
    {
        await using var server = await TestRelay.StartAsync(o => o.ReadTimeout = TimeSpan.FromSeconds(1));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.LocalEndPoint);
        await socket.SendAsync(Encoding.ASCII.GetBytes(GoodRequest[..20]));

        using var cts = new CancellationTokenSource(Deadline);
        var read = await socket.ReceiveAsync(new byte[16], SocketFlags.None, cts.Token);

        read.Should().Be(0, "a truncated request is not waited for forever");
        await Poll.UntilAsync(() => server.ConnectionCount == 0, Deadline, "the connection is gone");
    }

    [Theory]
    [InlineData(70 * 1024, 413)]
    [InlineData(0, 400)]
    public async Task Server_OversizedOrMalformedRequest_AnswersErrorAndCloses(int padding, int expected)
    {
        await using var server = await TestRelay.StartAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.LocalEndPoint);
        var request = padding > 0
            ? "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Pad: " + new string('a', padding) + "\r\n\r\n"
            : "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nthis line has no colon\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));

        var answer = await ReadAllAsync(socket);

        answer.Should().StartWith($"RTSP/1.0 {expected} ");
        await Poll.UntilAsync(() => server.ConnectionCount == 0, Deadline, "the connection is closed after the error");
    }

    private static async Task RunScenarioAsync(RtspServer server, Random random, int iteration)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.LocalEndPoint);
        var bytes = (iteration % 11) switch
        {
            0 => RandomBytes(random, random.Next(1, 8192)),
            1 => Encoding.ASCII.GetBytes(GoodRequest[..random.Next(1, GoodRequest.Length)]),
            2 => Encoding.ASCII.GetBytes("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n" + string.Concat(Enumerable.Repeat("X-Pad: " + new string('p', 100) + "\r\n", 700)) + "\r\n"),
            3 => Encoding.ASCII.GetBytes("ANNOUNCE rtsp://h/x RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 999999999\r\n\r\n" + new string('v', random.Next(0, 3000))),
            4 => Encoding.ASCII.GetBytes($"ANNOUNCE rtsp://h/x RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\nContent-Length: {random.Next(-5, 5)}x\r\n\r\nv=0"),
            5 => RandomFrames(random),
            6 => Encoding.ASCII.GetBytes(
                $"DESCRIBE rtsp://h/cam RTSP/1.0\r\nCSeq: 1\r\n\r\nSETUP rtsp://h/cam/trackID={random.Next(-1, 3)} RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/AVP/TCP;unicast;interleaved={random.Next(0, 300)}-{random.Next(0, 300)}\r\n\r\n")
                .Concat(RandomFrames(random)).Concat(RandomBytes(random, 200)).ToArray(),
            7 => Encoding.ASCII.GetBytes(Announce("fuzz" + random.Next(), Encoding.ASCII.GetString(RandomBytes(random, 300).Select(b => (byte)(b % 95 + 32)).ToArray()))),
            8 => Encoding.ASCII.GetBytes($"SETUP rtsp://h/cam/trackID=0 RTSP/1.0\r\nCSeq: 3\r\nTransport: {RandomText(random, 200)}\r\nSession: {RandomText(random, 20)}\r\n\r\n"),
            9 => Encoding.ASCII.GetBytes(random.Next(4) switch
            {
                0 => "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                1 => "PLAY * RTSP/2.0\r\nCSeq: 1\r\n\r\n",
                2 => "TEARDOWN rtsp://h/cam RTSP/1.0\r\n\r\n",
                _ => $"{RandomText(random, 10).ToUpperInvariant()} {RandomText(random, 30)} RTSP/1.0\r\nCSeq: 9\r\n\r\n",
            }),
            _ => [.. Encoding.ASCII.GetBytes(Announce("pub" + random.Next(), SyntheticPublisher.Sdp)),
                .. Encoding.ASCII.GetBytes("SETUP rtsp://h/pub/streamid=0 RTSP/1.0\r\nCSeq: 2\r\nTransport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record\r\n\r\n"),
                .. RandomFrames(random)],
        };
        try
        {
            await socket.SendAsync(bytes);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
            await socket.ReceiveAsync(new byte[65536], SocketFlags.None, cts.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            // The server may hang up or stay silent; both are fine.
        }

        if (random.Next(2) == 0)
        {
            socket.LingerState = new LingerOption(true, 0);
        }
    }

    private static async Task FuzzUdpAsync(RtspServer server, Random random)
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var (rtp, rtcp) = server.UdpPorts!.Value;
        for (var i = 0; i < 200; i++)
        {
            var target = new IPEndPoint(IPAddress.Loopback, i % 2 == 0 ? rtp : rtcp);
            await udp.SendToAsync(RandomBytes(random, random.Next(0, 1500)), SocketFlags.None, target);
        }
    }

    private static string Announce(string path, string sdp) =>
        $"ANNOUNCE rtsp://h/{path} RTSP/1.0\r\nCSeq: 1\r\nContent-Type: application/sdp\r\nContent-Length: {Encoding.ASCII.GetByteCount(sdp)}\r\n\r\n{sdp}";

    private static byte[] RandomFrames(Random random)
    {
        var frames = new List<byte>();
        for (var i = random.Next(1, 20); i > 0; i--)
        {
            var length = random.Next(0, 2000);
            var declared = random.Next(4) == 0 ? random.Next(0, 65536) : length;
            frames.AddRange([(byte)'$', (byte)random.Next(256), (byte)(declared >> 8), (byte)declared]);
            frames.AddRange(RandomBytes(random, length));
        }

        return [.. frames];
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random, int max) =>
        new(Enumerable.Range(0, random.Next(0, max)).Select(_ => (char)random.Next(32, 127)).ToArray());

    private static async Task<string> ReadAllAsync(Socket socket)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var buffer = new byte[4096];
        var text = new StringBuilder();
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
