using System.Buffers.Binary;
using System.Net;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>
/// An in-process publisher of a fake H.264 track: ANNOUNCE, SETUP mode=record, RECORD, then RTP frames where every
/// <c>gop</c>-th frame is an IDR (STAP-A with SPS/PPS, then FU-A fragments) and the others are non-IDR FU-A fragments.
/// Deterministic and cheap, for relay behaviour that does not need a real decoder.
/// </summary>
internal sealed class SyntheticPublisher : IAsyncDisposable
{
    public const string Sdp =
        "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=Synthetic\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\na=tool:test\r\n" +
        "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n" +
        "a=fmtp:96 packetization-mode=1;sprop-parameter-sets=Z0IAH5WoFAFuQA==,aM48gA==;profile-level-id=42001F\r\n" +
        "a=control:streamid=0\r\n";

    private readonly RtspTestClient _client;
    private ushort _sequence = 1000;
    private int _frame;

    private SyntheticPublisher(RtspTestClient client, RtspTestResponse record)
    {
        _client = client;
        Record = record;
    }

    public RtspTestResponse Record { get; }

    public RtspTestClient Client => _client;

    /// <summary>Sequence number of the next packet.</summary>
    public ushort NextSequence => _sequence;

    public static async Task<SyntheticPublisher> StartAsync(IPEndPoint server, string path, IEnumerable<(string, string)>? headers = null, string sdp = Sdp)
    {
        var client = await RtspTestClient.ConnectAsync(server);
        var url = client.Url(path);
        var extra = headers?.ToArray() ?? [];
        var announce = await client.RequestAsync("ANNOUNCE", url, extra, sdp);
        if (announce.Status != 200)
        {
            await client.DisposeAsync();
            throw new InvalidOperationException($"ANNOUNCE answered {announce}");
        }

        var setup = await client.RequestAsync("SETUP", url + "/streamid=0", [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1;mode=record"), .. extra]);
        setup.Status.Should().Be(200);
        var record = await client.RequestAsync("RECORD", url, [("Session", setup.SessionId!), .. extra]);
        return new SyntheticPublisher(client, record);
    }

    /// <summary>Sends <paramref name="frames"/> frames of <paramref name="fragments"/> FU-A packets each.</summary>
    public async Task SendFramesAsync(int frames, int gop = 25, int fragments = 4, int payloadBytes = 1000)
    {
        for (var i = 0; i < frames; i++, _frame++)
        {
            var timestamp = (uint)(_frame * 3600);
            var key = _frame % gop == 0;
            if (key)
            {
                // STAP-A: SPS and PPS, as many encoders send right before the IDR.
                byte[] stap = [24, 0, 4, 0x67, 0x42, 0x00, 0x1F, 0, 2, 0x68, 0xCE];
                await SendAsync(stap, timestamp, marker: false);
            }

            var nalType = key ? 5 : 1;
            for (var f = 0; f < fragments; f++)
            {
                var payload = new byte[payloadBytes];
                payload[0] = (byte)(0x60 | 28);
                payload[1] = (byte)((f == 0 ? 0x80 : 0) | (f == fragments - 1 ? 0x40 : 0) | nalType);
                await SendAsync(payload, timestamp, marker: f == fragments - 1);
            }
        }
    }

    public async ValueTask DisposeAsync() => await _client.DisposeAsync();

    /// <summary>True if an RTP packet (as received by a reader) starts an IDR or carries SPS/PPS.</summary>
    public static bool IsKeyframePacket(byte[] rtp)
    {
        var payload = rtp.AsSpan(12);
        var type = payload[0] & 0x1F;
        return type == 24 || (type == 28 && (payload[1] & 0x80) != 0 && (payload[1] & 0x1F) == 5);
    }

    private Task SendAsync(byte[] payload, uint timestamp, bool marker)
    {
        var packet = new byte[12 + payload.Length];
        packet[0] = 0x80;
        packet[1] = (byte)((marker ? 0x80 : 0) | 96);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), _sequence++);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x12345678);
        payload.CopyTo(packet, 12);
        return _client.SendFrameAsync(0, packet);
    }
}
