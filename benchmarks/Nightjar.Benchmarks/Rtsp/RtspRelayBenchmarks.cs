using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Nightjar.Media.Rtsp;

namespace Nightjar.Benchmarks.Rtsp;

/// <summary>
/// One publisher path fanned out to 1, 10 and 100 TCP readers through the real relay on loopback. An invocation
/// publishes a burst of H.264-like RTP packets (1,400-byte FU-A fragments, an IDR every 100 packets, so GOPs are
/// the size of a 1 Mbit/s camera's) as fast as the socket takes them, and ends when every reader has received every
/// byte. One operation = one published packet.
/// </summary>
[Config(typeof(RtspRelayBenchmarkConfig))]
[MemoryDiagnoser]
public class RtspRelayBenchmarks
{
    private const int BurstPackets = 5_000;
    private const int GopPackets = 100;
    private const int PacketBytes = 1_400;
    private const string Sdp = "v=0\r\ns=bench\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1\r\na=control:streamid=0\r\n";

    private readonly List<BenchRtspClient> _readers = [];
    private readonly List<Task> _readLoops = [];
    private RtspServer? _server;
    private BenchRtspClient? _publisher;
    private byte[] _burst = [];
    private long[] _received = [];
    private long[] _signalled = [];
    private long _target;
    private int _pending;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ushort _sequence;
    private uint _timestamp;
    private double _wall;
    private double _cpu;
    private long _packetsOut;

    [Params(1, 10, 100)]
    public int Readers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        RtspRelayStats.Clear(Readers);
        _server = new RtspServer(new RtspServerOptions
        {
            Port = 0,
            EnableUdp = false,
            ReaderQueuePackets = 4 * BurstPackets,
            PublisherTimeout = TimeSpan.FromHours(1),
            SessionTimeout = TimeSpan.FromHours(1),
        });
        await _server.StartAsync(CancellationToken.None);
        var endPoint = _server.LocalEndPoint;
        var url = $"rtsp://127.0.0.1:{endPoint.Port}/bench";

        _publisher = await BenchRtspClient.ConnectAsync(endPoint);
        await _publisher.RequestAsync("ANNOUNCE", url, body: Sdp);
        var session = await _publisher.RequestAsync("SETUP", url + "/streamid=0", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;mode=record\r\n");
        await _publisher.RequestAsync("RECORD", url, $"Session: {session}\r\n");

        _received = new long[Readers];
        _signalled = new long[Readers];
        for (var i = 0; i < Readers; i++)
        {
            var reader = await BenchRtspClient.ConnectAsync(endPoint);
            await reader.RequestAsync("DESCRIBE", url);
            var readerSession = await reader.RequestAsync("SETUP", url + "/trackID=0", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n");
            await reader.RequestAsync("PLAY", url, $"Session: {readerSession}\r\n");
            _received[i] = reader.Leftover;
            _readers.Add(reader);
            var index = i;
            _readLoops.Add(Task.Run(() => ReadLoopAsync(reader.Socket, index)));
        }

        // One unmeasured burst: connections warm, and every reader past its wait for the first keyframe.
        await PublishBurstAsync();
        _wall = _cpu = 0;
        _packetsOut = 0;
    }

    [Benchmark(OperationsPerInvoke = BurstPackets)]
    public async Task RelayBurstAsync()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.GetTimestamp();
        await PublishBurstAsync();
        _wall += Stopwatch.GetElapsedTime(wall).TotalSeconds;
        _cpu += (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        _packetsOut += (long)BurstPackets * Readers;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        new RtspRelayStats(Readers, _wall, _cpu, _packetsOut, _packetsOut * (PacketBytes + 4)).Save();
        foreach (var reader in _readers)
        {
            await reader.DisposeAsync();
        }

        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Task.WhenAll(_readLoops);
    }

    private async Task PublishBurstAsync()
    {
        BuildBurst();
        _target += _burst.Length;
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _pending, Readers);
        await _publisher!.Socket.SendAsync(_burst);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _done.Task.WaitAsync(timeout.Token);
    }

    private void BuildBurst()
    {
        if (_burst.Length == 0)
        {
            _burst = new byte[BurstPackets * (PacketBytes + 4)];
        }

        for (var i = 0; i < BurstPackets; i++)
        {
            var frame = _burst.AsSpan(i * (PacketBytes + 4), PacketBytes + 4);
            frame[0] = (byte)'$';
            frame[1] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(frame[2..], PacketBytes);
            var rtp = frame[4..];
            rtp[0] = 0x80;
            rtp[1] = 96;
            BinaryPrimitives.WriteUInt16BigEndian(rtp[2..], _sequence++);
            if (i % 4 == 0)
            {
                _timestamp += 3600;
            }

            BinaryPrimitives.WriteUInt32BigEndian(rtp[4..], _timestamp);
            BinaryPrimitives.WriteUInt32BigEndian(rtp[8..], 0x0BE7C4A5);
            rtp[12] = 0x7C;                                   // FU-A
            rtp[13] = (byte)(i % GopPackets == 0 ? 0x85 : 0x01); // IDR start, else a non-IDR fragment
        }
    }

    private async Task ReadLoopAsync(Socket socket, int index)
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    return;
                }

                Interlocked.Add(ref _received[index], read);
                CheckDone(index);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    private void CheckDone(int index)
    {
        // Each reader counts once per burst, when its total reaches the burst's target.
        var target = Volatile.Read(ref _target);
        if (Interlocked.Read(ref _received[index]) >= target && Interlocked.Exchange(ref _signalled[index], target) != target
            && Interlocked.Decrement(ref _pending) == 0)
        {
            _done.TrySetResult();
        }
    }
}
