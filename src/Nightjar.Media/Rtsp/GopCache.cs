namespace Nightjar.Media.Rtsp;

/// <summary>
/// The packets of every track since the last video keyframe, so a reader joining mid-stream starts decoding at
/// once instead of waiting up to a GOP. Parameter sets (SPS/PPS) sent in the keyframe's access unit just before
/// the IDR are kept with it. Not thread-safe: the owning <see cref="StreamPath"/> serialises access.
/// </summary>
internal sealed class GopCache(int maxPackets, int maxBytes)
{
    private const int MaxPrefixPackets = 8;
    private readonly List<RtpPacket> _packets = [];
    private readonly List<RtpPacket> _prefix = [];
    private uint _prefixTimestamp;
    private uint _keyTimestamp;
    private bool _hasKey;
    private long _bytes;

    /// <summary>True while the cache holds a complete GOP start.</summary>
    public bool IsActive => _hasKey && _packets.Count > 0;

    public int Count => _packets.Count;

    /// <summary>Feeds one video RTP packet of the keyframe track; returns true if a new GOP starts with it.</summary>
    public bool AddVideo(RtpPacket packet, NalFlags flags)
    {
        if (_prefix.Count > 0 && packet.Timestamp != _prefixTimestamp)
        {
            ReleaseAll(_prefix);
        }

        var startsGop = (flags & NalFlags.KeyframeStart) != 0 && !(_hasKey && packet.Timestamp == _keyTimestamp);
        if (startsGop)
        {
            ReleaseAll(_packets);
            _bytes = 0;
            _hasKey = true;
            _keyTimestamp = packet.Timestamp;
            foreach (var prefixPacket in _prefix)
            {
                Append(prefixPacket);
            }

            _prefix.Clear();
            Append(packet);
            packet.Retain();
            return true;
        }

        if ((flags & NalFlags.ParameterSet) != 0 && _prefix.Count < MaxPrefixPackets)
        {
            packet.Retain();
            _prefix.Add(packet);
            _prefixTimestamp = packet.Timestamp;
        }

        AddOther(packet);
        return false;
    }

    /// <summary>Feeds any other packet (audio, RTCP is not cached); kept only while a GOP is open.</summary>
    public void AddOther(RtpPacket packet)
    {
        if (!_hasKey)
        {
            return;
        }

        if (_packets.Count >= maxPackets || _bytes + packet.Length > maxBytes)
        {
            // Too long a GOP to replay: forget it and wait for the next keyframe.
            Clear();
            return;
        }

        packet.Retain();
        Append(packet);
    }

    /// <summary>Retained copies of the cached packets, in order; the caller releases them.</summary>
    public RtpPacket[] Snapshot()
    {
        if (!IsActive)
        {
            return [];
        }

        var copy = _packets.ToArray();
        foreach (var packet in copy)
        {
            packet.Retain();
        }

        return copy;
    }

    public void Clear()
    {
        ReleaseAll(_packets);
        ReleaseAll(_prefix);
        _bytes = 0;
        _hasKey = false;
    }

    private void Append(RtpPacket retained)
    {
        _packets.Add(retained);
        _bytes += retained.Length;
    }

    private static void ReleaseAll(List<RtpPacket> packets)
    {
        foreach (var packet in packets)
        {
            packet.Release();
        }

        packets.Clear();
    }
}
