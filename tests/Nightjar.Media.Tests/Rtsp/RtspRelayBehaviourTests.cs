using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

/// <summary>Relay semantics with a deterministic in-process publisher: GOP cache, RTP-Info, PAUSE, UDP session timeout.</summary>
public sealed class RtspRelayBehaviourTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Play_MidGop_StartsWithCachedKeyframeAndRtpInfoMatchesFirstPacket()
    {
        await using var server = await TestRelay.StartAsync();
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await publisher.SendFramesAsync(30, gop: 25);
        await Poll.UntilAsync(() => server.GetPath("cam")?.PacketsReceived == 2 + (30 * 4), Deadline, "all frames arrived");

        await using var reader = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam");
        await Poll.UntilAsync(() => reader.Packets == 1 + (5 * 4), Deadline, "the cached GOP (frames 25–29) is replayed");
        await publisher.SendFramesAsync(10);
        await Poll.UntilAsync(() => reader.Packets == 1 + (15 * 4), Deadline, "live packets follow the replay");

        var first = reader.FirstPacket!;
        (first[12] & 0x1F).Should().Be(24, "the replay starts with the keyframe's STAP-A carrying SPS/PPS");
        var rtpInfo = RtpInfo(reader.Play);
        rtpInfo.Seq.Should().Be(BinaryPrimitives.ReadUInt16BigEndian(first.AsSpan(2)));
        rtpInfo.RtpTime.Should().Be(BinaryPrimitives.ReadUInt32BigEndian(first.AsSpan(4)));
        reader.Gaps.Should().Be(0);
    }

    [Fact]
    public async Task Play_WithoutGopCache_WaitsForNextKeyframe()
    {
        await using var server = await TestRelay.StartAsync(o => o.GopCacheMaxPackets = 0);
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await publisher.SendFramesAsync(10, gop: 25);
        await Poll.UntilAsync(() => server.GetPath("cam")?.PacketsReceived == 1 + (10 * 4), Deadline, "frames arrived");

        await using var reader = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam");
        await publisher.SendFramesAsync(20);
        await Poll.UntilAsync(() => reader.Packets == 4 * 5, Deadline, "only frames from the next IDR on (frames 25–29) reach the reader");

        SyntheticPublisher.IsKeyframePacket(reader.FirstPacket!).Should().BeTrue();
        (reader.FirstPacket![12] & 0x1F).Should().Be(28, "the first packet is the IDR's first FU-A fragment");
    }

    [Fact]
    public async Task Pause_ThenPlay_StopsAndResumesFromKeyframe()
    {
        await using var server = await TestRelay.StartAsync();
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await publisher.SendFramesAsync(3, gop: 25);
        await Poll.UntilAsync(() => server.GetPath("cam")?.PacketsReceived == 1 + (3 * 4), Deadline, "the first frames arrived");
        await using var client = await RtspTestClient.ConnectAsync(server.LocalEndPoint);
        var url = client.Url("cam");
        (await client.RequestAsync("DESCRIBE", url)).Status.Should().Be(200);
        var setup = await client.RequestAsync("SETUP", url + "/trackID=0", [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1")]);
        var session = setup.SessionId!;
        (await client.RequestAsync("PLAY", url, [("Session", session)])).Status.Should().Be(200);
        using var cts = new CancellationTokenSource(Deadline);
        for (var i = 0; i < 1 + (3 * 4); i++)
        {
            (await client.ReadFrameAsync(cts.Token)).Should().NotBeNull("the cached GOP is replayed");
        }

        var pause = await client.RequestAsync("PAUSE", url, [("Session", session)]);
        await publisher.SendFramesAsync(3);
        await Poll.UntilAsync(() => server.GetPath("cam")?.PacketsReceived == 1 + (6 * 4), Deadline, "frames arrived while paused");
        var keepalive = await client.RequestAsync("GET_PARAMETER", url, [("Session", session)]);
        var play = await client.RequestAsync("PLAY", url, [("Session", session)]);
        var frame = await client.ReadFrameAsync(cts.Token);

        pause.Status.Should().Be(200);
        client.FramesSkipped.Should().Be(0, "nothing is relayed while paused");
        keepalive.Status.Should().Be(200);
        play.Status.Should().Be(200);
        SyntheticPublisher.IsKeyframePacket(frame!.Value.Payload).Should().BeTrue("PLAY after PAUSE restarts from the cached keyframe");
    }

    [Fact]
    public async Task UdpReader_WithoutKeepalives_IsDroppedAfterSessionTimeout()
    {
        var time = new ManualTimeProvider();
        await using var server = await TestRelay.StartAsync(o => o.PublisherTimeout = TimeSpan.FromHours(1), timeProvider: time);
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        using var rtp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var rtcp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        rtp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        rtcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var ports = $"{((IPEndPoint)rtp.LocalEndPoint!).Port}-{((IPEndPoint)rtcp.LocalEndPoint!).Port}";
        await using var client = await RtspTestClient.ConnectAsync(server.LocalEndPoint);
        var url = client.Url("cam");
        (await client.RequestAsync("DESCRIBE", url)).Status.Should().Be(200);
        var setup = await client.RequestAsync("SETUP", url + "/trackID=0", [("Transport", $"RTP/AVP;unicast;client_port={ports}")]);
        (await client.RequestAsync("PLAY", url, [("Session", setup.SessionId!)])).Status.Should().Be(200);
        await publisher.SendFramesAsync(1);
        var buffer = new byte[2048];
        using var receive = new CancellationTokenSource(Deadline);
        var received = await rtp.ReceiveAsync(buffer, SocketFlags.None, receive.Token);

        time.Advance(TimeSpan.FromSeconds(59));
        var aliveAt59 = server.SessionCount;
        time.Advance(TimeSpan.FromSeconds(2));

        setup.Header("Transport").Should().Contain($"client_port={ports}").And.Contain($"server_port={server.UdpPorts!.Value.Rtp}-{server.UdpPorts.Value.Rtcp}");
        setup.Header("Session").Should().EndWith(";timeout=60");
        received.Should().BeGreaterThan(12, "RTP arrives on the client's UDP port");
        aliveAt59.Should().Be(2);
        await Poll.UntilAsync(() => server.SessionCount == 1, Deadline, "the silent UDP reader session ends after 60 s; the publisher stays");
    }

    [Fact]
    public async Task Setup_OnBareBaseUrlAndTrailingSlash_MeansTrackZeroAsVlcSends()
    {
        await using var server = await TestRelay.StartAsync();
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "sim/cam1");
        await publisher.SendFramesAsync(1);
        await using var client = await RtspTestClient.ConnectAsync(server.LocalEndPoint);

        var describe = await client.RequestAsync("DESCRIBE", client.Url("sim/cam1/"));
        var setup = await client.RequestAsync("SETUP", client.Url("sim/cam1"), [("Transport", "RTP/AVP/TCP;unicast")]);
        var play = await client.RequestAsync("PLAY", client.Url("sim/cam1/"), [("Session", setup.SessionId!)]);
        using var cts = new CancellationTokenSource(Deadline);
        var frame = await client.ReadFrameAsync(cts.Token);

        describe.Header("Content-Base").Should().Be(client.Url("sim/cam1/"));
        setup.Header("Transport").Should().Be("RTP/AVP/TCP;unicast;interleaved=0-1", "channels are assigned when the client names none");
        play.Header("RTP-Info").Should().StartWith($"url={client.Url("sim/cam1")};seq=");
        frame!.Value.Channel.Should().Be(0);
    }

    [Fact]
    public async Task Describe_PublisherSdpWithoutSprop_CarriesInBandSpsAndPps()
    {
        await using var server = await TestRelay.StartAsync();
        var sdp = SyntheticPublisher.Sdp.Replace("sprop-parameter-sets=Z0IAH5WoFAFuQA==,aM48gA==;", string.Empty, StringComparison.Ordinal);
        await using var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam", sdp: sdp);
        await using var client = await RtspTestClient.ConnectAsync(server.LocalEndPoint);
        var before = await client.RequestAsync("DESCRIBE", client.Url("cam"));

        await publisher.SendFramesAsync(1);
        await Poll.UntilAsync(() => server.GetPath("cam")?.PacketsReceived == 5, Deadline, "the keyframe arrived");
        var after = await client.RequestAsync("DESCRIBE", client.Url("cam"));

        before.Body.Should().NotContain("sprop-parameter-sets");
        after.Body.Should().Contain("a=fmtp:96 packetization-mode=1;profile-level-id=42001F;sprop-parameter-sets=Z0IAHw==,aM4=",
            "the STAP-A's SPS (67 42 00 1F) and PPS (68 CE) are offered to readers");
    }

    [Fact]
    public async Task Metrics_CountSessionsByRoleAndRelayedTraffic()
    {
        await using var server = await TestRelay.StartAsync();
        using var metrics = new MetricCollector(server.Meter);
        var publisher = await SyntheticPublisher.StartAsync(server.LocalEndPoint, "cam");
        await publisher.SendFramesAsync(2);
        await Poll.UntilAsync(() => server.GetPath("cam")?.PacketsReceived == 9, Deadline, "the frames arrived");
        var reader = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam");
        await Poll.UntilAsync(() => reader.Packets == 9, Deadline, "the reader got the GOP");

        var open = (Publishers: metrics.Value("nightjar.rtsp.sessions", "role=publisher"), Readers: metrics.Value("nightjar.rtsp.sessions", "role=reader"));
        var packetsIn = metrics.Value("nightjar.rtsp.packets", "direction=in");
        var packetsOut = metrics.Value("nightjar.rtsp.packets", "direction=out");
        var bytesOut = metrics.Value("nightjar.rtsp.bytes", "direction=out");
        await reader.DisposeAsync();
        await publisher.DisposeAsync();
        await Poll.UntilAsync(() => server.SessionCount == 0, Deadline, "both sessions end");

        open.Should().Be((1L, 1L));
        packetsIn.Should().Be(9);
        packetsOut.Should().Be(9);
        bytesOut.Should().Be(9 * 4 + (1 * 11) + (8 * 1000) + (9 * 12), "interleaved headers, the STAP-A, eight fragments and their RTP headers");
        metrics.Value("nightjar.rtsp.sessions").Should().Be(0);
    }

    private static (ushort Seq, uint RtpTime) RtpInfo(RtspTestResponse play)
    {
        var fields = play.Header("RTP-Info")!.Split(';').Skip(1).Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
        return (ushort.Parse(fields["seq"], CultureInfo.InvariantCulture), uint.Parse(fields["rtptime"], CultureInfo.InvariantCulture));
    }
}
