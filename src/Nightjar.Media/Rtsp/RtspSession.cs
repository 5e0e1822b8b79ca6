using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// One RTSP session: a reader (SETUP…PLAY) or a publisher (ANNOUNCE, SETUP mode=record, RECORD) of one path.
/// Sessions over TCP interleaved live and die with their connection; UDP reader sessions outlive it until they
/// time out (RFC 2326 sessions are not tied to a connection).
/// </summary>
internal sealed class RtspSession
{
    private int _closed;
    private long _lastActivity;

    public RtspSession(bool isPublisher, StreamPath path, RtspConnection? owner, IPAddress? clientAddress, TimeProvider time)
    {
        Id = NewId();
        IsPublisher = isPublisher;
        Path = path;
        Owner = owner;
        ClientAddress = clientAddress;
        Tracks = new SessionTrack?[path.TrackCount];
        State = isPublisher ? RtspSessionState.ReadyToRecord : RtspSessionState.ReadyToPlay;
        Touch(time);
    }

    public string Id { get; }

    public bool IsPublisher { get; }

    /// <summary>The publication this session reads from or publishes (not yet registered before RECORD).</summary>
    public StreamPath Path { get; }

    public IPAddress? ClientAddress { get; }

    /// <summary>The connection that created the session; null once a UDP session's connection has gone.</summary>
    public RtspConnection? Owner { get; set; }

    public SessionTrack?[] Tracks { get; }

    public RtspSessionState State { get; set; }

    public RelayReader? Reader { get; set; }

    /// <summary>Source addresses routed to this UDP publisher session (removed when it closes).</summary>
    public List<SocketAddress> UdpRoutes { get; } = [];

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>True once a track uses UDP (a session never mixes transports).</summary>
    public bool IsUdp
    {
        get
        {
            foreach (var track in Tracks)
            {
                if (track is not null)
                {
                    return !track.Transport.IsTcp;
                }
            }

            return false;
        }
    }

    public bool HasTracks => Array.Exists(Tracks, t => t is not null);

    public void Touch(TimeProvider time) => Interlocked.Exchange(ref _lastActivity, time.GetTimestamp());

    public TimeSpan IdleFor(TimeProvider time) => time.GetElapsedTime(Interlocked.Read(ref _lastActivity));

    /// <summary>True for the one caller that gets to tear the session down.</summary>
    public bool TryMarkClosed() => Interlocked.Exchange(ref _closed, 1) == 0;

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
