namespace Nightjar.Media.Rtsp;

/// <summary>
/// One playing reader attached to a <see cref="StreamPath"/>: filters the tracks it set up, holds back packets until
/// a keyframe when it joined without a cached GOP, and reports itself slow when its queue overflows. Offer runs on
/// the publisher's receive loop and therefore never blocks.
/// </summary>
internal sealed class RelayReader
{
    private readonly bool[] _tracks;
    private readonly int _keyTrack;
    private readonly Action<RelayReader, string> _onDropped;
    private bool _waitingForKeyframe;
    private int _dropped;

    public RelayReader(bool[] tracks, int keyTrack, int queueCapacity, Action<RelayReader, string> onDropped)
    {
        _tracks = tracks;
        _keyTrack = keyTrack;
        _onDropped = onDropped;
        Queue = new ReaderQueue(queueCapacity);
    }

    public ReaderQueue Queue { get; }

    public bool IsDropped => Volatile.Read(ref _dropped) != 0;

    /// <summary>Whether the reader receives <paramref name="track"/>.</summary>
    public bool Wants(int track) => (uint)track < (uint)_tracks.Length && _tracks[track];

    /// <summary>Called under the path lock at attach time, before any <see cref="Offer"/>.</summary>
    public void Start(IReadOnlyList<RtpPacket> gop)
    {
        var primed = new List<RtpPacket>(gop.Count);
        foreach (var packet in gop)
        {
            if (Wants(packet.Track))
            {
                primed.Add(packet);
            }
            else
            {
                packet.Release();
            }
        }

        // Without a cached GOP, a reader of a keyframe-aware track must not start on a P-frame.
        _waitingForKeyframe = primed.Count == 0 && _keyTrack >= 0 && Wants(_keyTrack);
        Queue.Prime(primed);
    }

    public void Offer(RtpPacket packet)
    {
        if (!Wants(packet.Track) || Volatile.Read(ref _dropped) != 0)
        {
            return;
        }

        if (_waitingForKeyframe && !packet.IsRtcp)
        {
            if (packet.Track != _keyTrack || !packet.IsKeyframeStart)
            {
                return;
            }

            _waitingForKeyframe = false;
        }

        if (!Queue.TryEnqueue(packet))
        {
            Drop("slow");
        }
    }

    /// <summary>Marks the reader dropped (once) and tells its owner, which tears the session down off this thread.</summary>
    public void Drop(string reason)
    {
        if (Interlocked.Exchange(ref _dropped, 1) == 0)
        {
            Queue.Complete();
            _onDropped(this, reason);
        }
    }
}
