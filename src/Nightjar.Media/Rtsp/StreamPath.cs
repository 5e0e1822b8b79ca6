namespace Nightjar.Media.Rtsp;

/// <summary>
/// One publication on a path: the publisher's SDP, the GOP cache and the readers. A new publisher gets a new
/// instance; when the publication ends the instance is closed and its readers are told to go (they re-DESCRIBE).
/// <see cref="Publish"/> is called only from the publisher's receive loop; attach/detach from request handlers.
/// </summary>
internal sealed class StreamPath
{
    private readonly object _gate = new();
    private readonly GopCache _gop;
    private readonly TrackState[] _tracks;
    private readonly TimeProvider _time;
    private readonly Action<string>? _kickPublisher;
    private readonly H264ParameterSets? _parameterSets;
    private RelayReader[] _readers = [];
    private long _lastPacketTimestamp;
    private long _packetsIn;
    private long _bytesIn;
    private int _closed;

    public StreamPath(string name, SdpDocument sdp, int gopMaxPackets, int gopMaxBytes, TimeProvider time, Action<string>? kickPublisher)
    {
        Name = name;
        Sdp = sdp;
        _time = time;
        _kickPublisher = kickPublisher;
        _gop = new GopCache(gopMaxPackets, gopMaxBytes);
        _tracks = new TrackState[sdp.Media.Count];
        KeyTrack = -1;
        for (var i = 0; i < sdp.Media.Count; i++)
        {
            var codec = sdp.Media[i].EncodingName switch
            {
                "H264" => VideoCodec.H264,
                "H265" => VideoCodec.H265,
                _ => VideoCodec.None,
            };
            if (codec != VideoCodec.None && KeyTrack < 0)
            {
                KeyTrack = i;
                Codec = codec;
            }
        }

        if (Codec == VideoCodec.H264 && sdp.Media[KeyTrack].FmtpParameter("sprop-parameter-sets") is null)
        {
            _parameterSets = new H264ParameterSets();
        }

        PublishedAt = time.GetUtcNow();
        _lastPacketTimestamp = time.GetTimestamp();
    }

    public string Name { get; }

    public SdpDocument Sdp { get; }

    /// <summary>Index of the video track whose keyframes drive the GOP cache, or -1 (then readers start anywhere).</summary>
    public int KeyTrack { get; }

    public VideoCodec Codec { get; }

    public DateTimeOffset PublishedAt { get; }

    public int TrackCount => _tracks.Length;

    public int ReaderCount => Volatile.Read(ref _readers).Length;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public long PacketsIn => Interlocked.Read(ref _packetsIn);

    public long BytesIn => Interlocked.Read(ref _bytesIn);

    /// <summary>Time since the publisher last sent anything (or since the publication began).</summary>
    public TimeSpan Idle => _time.GetElapsedTime(Interlocked.Read(ref _lastPacketTimestamp));

    /// <summary>Relays one packet; the caller keeps (and later releases) its own reference.</summary>
    public void Publish(RtpPacket packet)
    {
        var flags = NalFlags.None;
        if (!packet.IsRtcp && RtpHeader.TryRead(packet.Span, out var sequence, out var timestamp, out var offset, out var length))
        {
            packet.Sequence = sequence;
            packet.Timestamp = timestamp;
            if (packet.Track == KeyTrack)
            {
                flags = KeyframeDetector.Classify(packet.Span.Slice(offset, length), Codec);
                packet.IsKeyframeStart = (flags & NalFlags.KeyframeStart) != 0;
                if ((flags & NalFlags.ParameterSet) != 0)
                {
                    _parameterSets?.Learn(packet.Span.Slice(offset, length));
                }
            }
        }

        Interlocked.Exchange(ref _lastPacketTimestamp, _time.GetTimestamp());
        Interlocked.Increment(ref _packetsIn);
        Interlocked.Add(ref _bytesIn, packet.Length);
        RelayReader[] readers;
        lock (_gate)
        {
            if (_closed != 0)
            {
                return;
            }

            if (!packet.IsRtcp)
            {
                _tracks[packet.Track] = new TrackState(true, packet.Sequence, packet.Timestamp);
                if (packet.Track == KeyTrack)
                {
                    _gop.AddVideo(packet, flags);
                }
                else if (KeyTrack >= 0)
                {
                    _gop.AddOther(packet);
                }
            }

            readers = _readers;
        }

        // Outside the lock: a reader attaching now already has this packet in its GOP snapshot, or gets it here.
        foreach (var reader in readers)
        {
            reader.Offer(packet);
        }
    }

    /// <summary>
    /// Attaches a reader, priming it with the cached GOP. Returns the RTP-Info start point of each track
    /// (null entries when unknown), or null if the publication has ended.
    /// </summary>
    public RtpStartPoint?[]? Attach(RelayReader reader)
    {
        lock (_gate)
        {
            if (_closed != 0)
            {
                return null;
            }

            var gop = _gop.Snapshot();
            var starts = new RtpStartPoint?[_tracks.Length];
            foreach (var packet in gop)
            {
                if (!packet.IsRtcp && starts[packet.Track] is null)
                {
                    starts[packet.Track] = new RtpStartPoint(packet.Sequence, packet.Timestamp);
                }
            }

            for (var i = 0; i < _tracks.Length; i++)
            {
                if (starts[i] is null && _tracks[i].Seen)
                {
                    starts[i] = new RtpStartPoint((ushort)(_tracks[i].Sequence + 1), _tracks[i].Timestamp);
                }
            }

            reader.Start(gop);
            _readers = [.. _readers, reader];
            return starts;
        }
    }

    public void Detach(RelayReader reader)
    {
        lock (_gate)
        {
            _readers = Array.FindAll(_readers, r => !ReferenceEquals(r, reader));
        }
    }

    /// <summary>Ends the publication: readers are dropped with <paramref name="reason"/>, the GOP is released.</summary>
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        RelayReader[] readers;
        lock (_gate)
        {
            readers = _readers;
            _readers = [];
            _gop.Clear();
        }

        foreach (var reader in readers)
        {
            reader.Drop(reason);
        }
    }

    /// <summary>fmtp parameters to add to a track in readers' SDP: in-band SPS/PPS when the publisher's SDP lacked them.</summary>
    public string? ExtraFmtp(int track) => track == KeyTrack ? _parameterSets?.Fmtp : null;

    /// <summary>Disconnects the publisher (replaced by a newer one).</summary>
    public void KickPublisher(string reason) => _kickPublisher?.Invoke(reason);

    private readonly record struct TrackState(bool Seen, ushort Sequence, uint Timestamp);
}
