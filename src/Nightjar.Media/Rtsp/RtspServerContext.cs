using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Nightjar.Media.Rtsp;

/// <summary>What every connection of one server shares: options, paths, sessions, auth, metrics, UDP sockets.</summary>
internal sealed class RtspServerContext(
    RtspServerOptions options,
    IRtspAuthenticator? authenticator,
    ILogger logger,
    TimeProvider time,
    RtspMetrics metrics)
{
    private readonly ConcurrentDictionary<string, RtspSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SocketAddress, UdpRoute> _udpRoutes = new();
    private int _sessionCount;

    public RtspServerOptions Options { get; } = options;

    public IRtspAuthenticator? Authenticator { get; } = authenticator;

    public ILogger Logger { get; } = logger;

    public TimeProvider Time { get; } = time;

    public RtspMetrics Metrics { get; } = metrics;

    public PathRegistry Paths { get; } = new(options.PublisherTimeout, options.OverridePublisher, options.ReaderPathAlias);

    public DigestNonces Nonces { get; } = new(time, options.NonceLifetime);

    /// <summary>Null when UDP is disabled (SETUP over UDP then gets 461 and clients fall back to TCP).</summary>
    public UdpTransport? Udp { get; set; }

    /// <summary>The address clients reached us on, for building absolute URLs when a request had none.</summary>
    public IPEndPoint? LocalEndPoint { get; set; }

    public int SessionCount => Volatile.Read(ref _sessionCount);

    public bool TryAddSession(RtspSession session)
    {
        if (Interlocked.Increment(ref _sessionCount) > Options.MaxSessions)
        {
            Interlocked.Decrement(ref _sessionCount);
            return false;
        }

        _sessions[session.Id] = session;
        Metrics.SessionOpened(session.IsPublisher);
        return true;
    }

    public RtspSession? FindSession(string id) => _sessions.GetValueOrDefault(id);

    /// <summary>Tears a session down exactly once: detaches its reader or ends its publication.</summary>
    public void CloseSession(RtspSession session, string reason)
    {
        if (!session.TryMarkClosed())
        {
            return;
        }

        if (_sessions.TryRemove(session.Id, out _))
        {
            Interlocked.Decrement(ref _sessionCount);
            Metrics.SessionClosed(session.IsPublisher);
        }

        foreach (var address in session.UdpRoutes)
        {
            _udpRoutes.TryRemove(address, out _);
        }

        if (session.Reader is { } reader)
        {
            session.Path.Detach(reader);
            reader.Queue.Drain();
            RtspConnection.LogReaderStopped(Logger, session.Path.Name, session.Id, reason);
        }

        if (session.IsPublisher && session.State == RtspSessionState.Recording)
        {
            Paths.Remove(session.Path, "publisher gone");
            RtspConnection.LogPublisherStopped(Logger, session.Path.Name, reason);
        }
    }

    /// <summary>A reader was dropped by its path (slow, or the publication ended): end its session and connection.</summary>
    public void OnReaderDropped(RtspSession session, string reason)
    {
        if (reason == "slow")
        {
            Metrics.ReaderDropped(reason);
            RtspConnection.LogReaderDropped(Logger, session.Path.Name, session.ClientAddress, reason);
        }

        // Never on the publisher's receive loop: closing sockets and sessions takes locks.
        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                var (context, session, reason) = state;
                var owner = session.Owner;
                context.CloseSession(session, reason);
                owner?.Abort(reason);
            },
            (this, session, reason),
            preferLocal: false);
    }

    /// <summary>Routes datagrams from <paramref name="address"/> to a UDP publisher's track; false if already routed.</summary>
    public bool TryAddUdpRoute(SocketAddress address, RtspSession session, int track, bool isRtcp)
    {
        if (!_udpRoutes.TryAdd(address, new UdpRoute(session, track, isRtcp)))
        {
            return false;
        }

        session.UdpRoutes.Add(address);
        return true;
    }

    /// <summary>A datagram on the shared UDP sockets: a UDP publisher's RTP/RTCP, or a UDP reader's receiver report.</summary>
    public void OnUdpPacket(SocketAddress from, ReadOnlySpan<byte> data, bool isRtcp)
    {
        if (_udpRoutes.TryGetValue(from, out var route))
        {
            var session = route.Session;
            if (session.State == RtspSessionState.Recording && !session.IsClosed && !data.IsEmpty)
            {
                var packet = RtpPacket.Rent(data, route.Track, route.IsRtcp);
                Metrics.Received(packet.Length);
                session.Path.Publish(packet);
                packet.Release();
            }

            return;
        }

        if (isRtcp)
        {
            OnUdpRtcp((IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(from));
        }
    }

    /// <summary>An RTCP packet from a UDP reader keeps its session alive.</summary>
    public void OnUdpRtcp(IPEndPoint from)
    {
        foreach (var session in _sessions.Values)
        {
            if (!session.IsPublisher && session.IsUdp && from.Address.Equals(session.ClientAddress))
            {
                foreach (var track in session.Tracks)
                {
                    if (track?.Transport.ClientRtcpPort == from.Port)
                    {
                        session.Touch(Time);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Ends UDP sessions that sent neither a request nor RTCP within the session timeout.</summary>
    public void SweepSessions()
    {
        foreach (var session in _sessions.Values)
        {
            // Publishers are judged by the packets they send (PublisherTimeout), readers by requests and RTCP.
            if (!session.IsPublisher && session.IsUdp && session.IdleFor(Time) > Options.SessionTimeout)
            {
                RtspConnection.LogSessionTimedOut(Logger, session.Path.Name, session.Id);
                CloseSession(session, "session timeout");
            }
        }
    }

    public void CloseAllSessions(string reason)
    {
        foreach (var session in _sessions.Values)
        {
            CloseSession(session, reason);
        }
    }

    private sealed record UdpRoute(RtspSession Session, int Track, bool IsRtcp);
}
