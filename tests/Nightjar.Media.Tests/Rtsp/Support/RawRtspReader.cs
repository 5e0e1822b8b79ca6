using System.Buffers.Binary;
using System.Net;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>
/// An in-process TCP reader of track 0 (DESCRIBE, SETUP interleaved=0-1, PLAY) that counts RTP packets and
/// checks that sequence numbers are continuous; or, with <c>read: false</c>, a reader that never reads.
/// </summary>
internal sealed class RawRtspReader : IAsyncDisposable
{
    private readonly RtspTestClient _client;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _packets;
    private long _gaps;
    private int _closed;
    private int _lastSequence = -1;

    private RawRtspReader(RtspTestClient client, RtspTestResponse play, string sdp)
    {
        _client = client;
        Play = play;
        Sdp = sdp;
    }

    public RtspTestResponse Play { get; }

    public string Sdp { get; }

    public long Packets => Interlocked.Read(ref _packets);

    /// <summary>Times a packet's sequence number was not the previous one plus one.</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    public bool Closed => Volatile.Read(ref _closed) != 0;

    /// <summary>The first RTP packet received on channel 0 (null until then).</summary>
    public byte[]? FirstPacket { get; private set; }

    public static async Task<RawRtspReader> StartAsync(IPEndPoint server, string path, bool read = true, int? receiveBufferBytes = null, IEnumerable<(string, string)>? headers = null)
    {
        var client = await RtspTestClient.ConnectAsync(server, receiveBufferBytes);
        var url = client.Url(path);
        var extra = headers?.ToArray() ?? [];
        var describe = await client.RequestAsync("DESCRIBE", url, [("Accept", "application/sdp"), .. extra]);
        describe.Status.Should().Be(200, "DESCRIBE of a live path succeeds");
        var setup = await client.RequestAsync("SETUP", url + "/trackID=0", [("Transport", "RTP/AVP/TCP;unicast;interleaved=0-1"), .. extra]);
        setup.Status.Should().Be(200);
        var play = await client.RequestAsync("PLAY", url + "/", [("Session", setup.SessionId!), ("Range", "npt=0.000-"), .. extra]);
        play.Status.Should().Be(200);
        var reader = new RawRtspReader(client, play, describe.Body);
        if (read)
        {
            reader._loop = Task.Run(reader.ReadLoopAsync);
        }

        return reader;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _client.DisposeAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _client.ReadFrameAsync(_stop.Token) is { } frame)
            {
                if (frame.Channel != 0 || frame.Payload.Length < 12)
                {
                    continue;
                }

                FirstPacket ??= frame.Payload;
                var sequence = BinaryPrimitives.ReadUInt16BigEndian(frame.Payload.AsSpan(2));
                if (_lastSequence >= 0 && sequence != (ushort)(_lastSequence + 1))
                {
                    Interlocked.Increment(ref _gaps);
                }

                _lastSequence = sequence;
                Interlocked.Increment(ref _packets);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }

        Volatile.Write(ref _closed, 1);
    }
}
