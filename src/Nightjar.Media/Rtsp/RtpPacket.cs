using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// One RTP or RTCP packet received from a publisher, shared by every reader queue and the GOP cache.
/// Each holder calls <see cref="Retain"/> and later <see cref="Release"/>; the last release puts the object, with its
/// byte array, back into a pool, so relaying a packet to N readers costs no allocation and no copy until the
/// readers' socket writes. The array stays with its object (not in <c>ArrayPool.Shared</c>): packets live on in GOP
/// caches and reader queues across threads, far beyond what the shared pool keeps per core.
/// </summary>
internal sealed class RtpPacket
{
    private const int MaxPooledObjects = 16_384;
    private const int MinBufferBytes = 2048;

    /// <summary>Larger arrays (rare jumbo frames) are not kept in the pool.</summary>
    private const int MaxPooledBufferBytes = 16 * 1024;
    private static readonly ConcurrentQueue<RtpPacket> Pool = new();
    private static int s_pooled;

    private byte[] _buffer = [];
    private int _refCount;

    private RtpPacket()
    {
    }

    public int Length { get; private set; }

    /// <summary>Index of the track (SDP media section) this packet belongs to.</summary>
    public int Track { get; private set; }

    public bool IsRtcp { get; private set; }

    /// <summary>Set on the RTP packet where a keyframe begins (a reader may start here).</summary>
    public bool IsKeyframeStart { get; set; }

    public ushort Sequence { get; set; }

    public uint Timestamp { get; set; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>Copies <paramref name="data"/> into a pooled packet with one reference held by the caller.</summary>
    public static RtpPacket Rent(in ReadOnlySequence<byte> data, int track, bool isRtcp)
    {
        var packet = Take((int)data.Length, track, isRtcp);
        data.CopyTo(packet._buffer);
        return packet;
    }

    public static RtpPacket Rent(ReadOnlySpan<byte> data, int track, bool isRtcp)
    {
        var packet = Take(data.Length, track, isRtcp);
        data.CopyTo(packet._buffer);
        return packet;
    }

    private static RtpPacket Take(int length, int track, bool isRtcp)
    {
        var packet = Pool.TryDequeue(out var pooled) ? pooled : new RtpPacket();
        if (pooled is not null)
        {
            Interlocked.Decrement(ref s_pooled);
        }

        if (packet._buffer.Length < length)
        {
            packet._buffer = new byte[Math.Max(length, MinBufferBytes)];
        }

        packet.Length = length;
        packet.Track = track;
        packet.IsRtcp = isRtcp;
        packet.IsKeyframeStart = false;
        packet.Sequence = 0;
        packet.Timestamp = 0;
        packet._refCount = 1;
        return packet;
    }

    public void Retain()
    {
        var count = Interlocked.Increment(ref _refCount);
        Debug.Assert(count > 1, "Retain on a released packet");
    }

    public void Release()
    {
        var count = Interlocked.Decrement(ref _refCount);
        Debug.Assert(count >= 0, "RtpPacket released more often than retained");
        if (count != 0)
        {
            return;
        }

        if (_buffer.Length > MaxPooledBufferBytes)
        {
            _buffer = [];
        }

        Length = 0;
        if (Interlocked.Increment(ref s_pooled) <= MaxPooledObjects)
        {
            Pool.Enqueue(this);
        }
        else
        {
            Interlocked.Decrement(ref s_pooled);
        }
    }
}
