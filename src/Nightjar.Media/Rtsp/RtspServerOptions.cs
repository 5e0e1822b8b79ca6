using System.Net;

namespace Nightjar.Media.Rtsp;

/// <summary>Settings of <see cref="RtspServer"/>; bindable from configuration (section <c>Rtsp</c>).</summary>
public sealed class RtspServerOptions
{
    /// <summary>Address to listen on (TCP, and UDP for RTP). <c>0.0.0.0</c> for all interfaces.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>RTSP TCP port; 0 picks a free one (see <see cref="RtspServer.LocalEndPoint"/>).</summary>
    public int Port { get; set; } = 8554;

    /// <summary>Serve readers over RTP/UDP unicast as well as TCP interleaved (several VMS and VLC default to UDP).</summary>
    public bool EnableUdp { get; set; } = true;

    /// <summary>Shared server RTP port for UDP readers; 0 with <see cref="UdpRtcpPort"/> 0 picks a free pair.</summary>
    public int UdpRtpPort { get; set; } = 8000;

    public int UdpRtcpPort { get; set; } = 8001;

    public int MaxConnections { get; set; } = 1024;

    /// <summary>Publisher plus reader sessions; beyond it SETUP gets 453 Not Enough Bandwidth.</summary>
    public int MaxSessions { get; set; } = 1024;

    /// <summary>Largest request (headers and body) accepted; beyond it the client gets 413 and is disconnected.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Advertised as <c>Session: id;timeout=N</c>; a session without requests or RTCP for this long ends.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed to finish a request once it has started, and to send the first one after connecting.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A socket write to a reader that does not complete in this time drops the reader.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A recording publisher that sends nothing for this long is disconnected, and may be replaced by a new one.</summary>
    public TimeSpan PublisherTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// If true, a new publisher always replaces the current one (MediaMTX's overridePublisher). If false (default),
    /// a second publisher on a live path gets 455 and only a stale one is replaced.
    /// </summary>
    public bool OverridePublisher { get; set; }

    /// <summary>
    /// For readers only: maps a requested path with no publication to the path that serves it (Nightjar maps a camera
    /// id to its primary stream, <c>cam1</c> → <c>cam1/main</c>); null or the same path when there is none.
    /// Called on the request path: keep it cheap and thread-safe.
    /// </summary>
    public Func<string, string?>? ReaderPathAlias { get; set; }

    /// <summary>
    /// For readers only: when no publication serves a requested path here, the absolute <c>rtsp://</c> URL of another
    /// server that has it (the reader gets <c>302 Moved Temporarily</c> with that <c>Location</c>, after
    /// authentication, its <c>?token=</c> kept); null answers 404 as usual. Called on the request path: keep it
    /// cheap and thread-safe.
    /// </summary>
    public Func<string, string?>? ReaderRedirect { get; set; }

    /// <summary>Packets queued per reader before it counts as slow and is dropped (the GOP replay is not counted).</summary>
    public int ReaderQueuePackets { get; set; } = 1024;

    /// <summary>Limits of the per-path cache of the last GOP that new readers start from.</summary>
    public int GopCacheMaxPackets { get; set; } = 4096;

    public int GopCacheMaxBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Kernel send buffer for reader connections (bytes); null keeps the OS default.</summary>
    public int? ReaderSendBufferBytes { get; set; }

    /// <summary>Publishers from 127.0.0.0/8 or ::1 skip authentication (our own ffmpeg ingest pushes from there).</summary>
    public bool TrustLoopbackPublishers { get; set; }

    public string Realm { get; set; } = "Nightjar";

    /// <summary>Offer Basic (the password crosses the wire in clear text; many VMS need it).</summary>
    public bool AllowBasicAuth { get; set; } = true;

    /// <summary>Offer Digest MD5 (RFC 2617, without qop as RTSP servers usually do; qop=auth answers are accepted).</summary>
    public bool AllowDigestAuth { get; set; } = true;

    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rejected credentials on one connection before it is closed.</summary>
    public int MaxAuthFailuresPerConnection { get; set; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        Check(IPAddress.TryParse(BindAddress, out _), nameof(BindAddress), "must be an IP address");
        Check(Port is >= 0 and <= 65535, nameof(Port), "must be 0..65535");
        Check(UdpRtpPort is >= 0 and <= 65535 && UdpRtcpPort is >= 0 and <= 65535, nameof(UdpRtpPort), "must be 0..65535");
        Check(UdpRtpPort == 0 ? UdpRtcpPort == 0 : UdpRtcpPort != UdpRtpPort && UdpRtcpPort != 0, nameof(UdpRtcpPort), "must differ from UdpRtpPort (both 0 for automatic)");
        Check(MaxConnections > 0, nameof(MaxConnections), "must be positive");
        Check(MaxSessions > 0, nameof(MaxSessions), "must be positive");
        Check(MaxRequestBytes is >= 1024 and <= 1024 * 1024, nameof(MaxRequestBytes), "must be 1 KiB..1 MiB");
        Check(SessionTimeout >= TimeSpan.FromSeconds(5), nameof(SessionTimeout), "must be at least 5 s");
        Check(ReadTimeout > TimeSpan.Zero, nameof(ReadTimeout), "must be positive");
        Check(WriteTimeout > TimeSpan.Zero, nameof(WriteTimeout), "must be positive");
        Check(PublisherTimeout > TimeSpan.Zero, nameof(PublisherTimeout), "must be positive");
        Check(ReaderQueuePackets >= 16, nameof(ReaderQueuePackets), "must be at least 16");
        Check(GopCacheMaxPackets >= 0, nameof(GopCacheMaxPackets), "must not be negative");
        Check(GopCacheMaxBytes >= 0, nameof(GopCacheMaxBytes), "must not be negative");
        Check(ReaderSendBufferBytes is null or >= 1024, nameof(ReaderSendBufferBytes), "must be at least 1024 bytes");
        Check(!string.IsNullOrWhiteSpace(Realm) && !Realm.Contains('"', StringComparison.Ordinal), nameof(Realm), "must be non-empty without quotes");
        Check(AllowBasicAuth || AllowDigestAuth, nameof(AllowBasicAuth), "at least one of Basic and Digest must be allowed");
        Check(NonceLifetime >= TimeSpan.FromSeconds(10), nameof(NonceLifetime), "must be at least 10 s");
        Check(MaxAuthFailuresPerConnection > 0, nameof(MaxAuthFailuresPerConnection), "must be positive");
    }

    private static void Check(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Rtsp:{name} {message}.", name);
        }
    }
}
