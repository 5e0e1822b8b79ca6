namespace Nightjar.Media.Rtsp;

/// <summary>The reader side: DESCRIBE, SETUP (TCP interleaved or UDP unicast), PLAY, PAUSE.</summary>
internal sealed partial class RtspConnection
{
    private async ValueTask<RtspResponse> DescribeAsync(RtspRequest request, CancellationToken cancellationToken)
    {
        if (!RtspUrl.TryParse(request.Uri, out var url))
        {
            return new RtspResponse(RtspStatus.BadRequest, "Bad URL");
        }

        // Authenticate before looking the path up, so unauthenticated clients cannot probe which paths exist.
        if (await AuthorizeAsync(request, url.Path, RtspAccess.Read, url.Token, cancellationToken) is { } denied)
        {
            return denied;
        }

        var path = _context.Paths.FindForReader(url.Path);
        if (path is null)
        {
            return RedirectOrNotFound(url);
        }

        // Reached through an alias: SETUP and PLAY will name the real path (Content-Base), so it must be granted too.
        if (!string.Equals(path.Name, url.Path, StringComparison.Ordinal)
            && await AuthorizeAsync(request, path.Name, RtspAccess.Read, url.Token, cancellationToken) is { } deniedTarget)
        {
            return deniedTarget;
        }

        var sdp = SdpRewriter.ForReaders(path.Sdp, path.Name, path.ExtraFmtp);
        return new RtspResponse(RtspStatus.Ok)
            .With("Content-Base", BaseUrl(request.Uri, path.Name) + "/")
            .WithBody("application/sdp", sdp);
    }

    /// <summary>404, or a 302 to the server <see cref="RtspServerOptions.ReaderRedirect"/> names for the path.</summary>
    private RtspResponse RedirectOrNotFound(RtspUrl url)
    {
        if (_context.Options.ReaderRedirect?.Invoke(url.Path) is not { } location)
        {
            return new RtspResponse(RtspStatus.NotFound, "No Publisher");
        }

        // A reader that authenticated with a token in the URL needs it at the other server too.
        var target = url.Token is null ? location : location + "?token=" + Uri.EscapeDataString(url.Token);
        return new RtspResponse(RtspStatus.MovedTemporarily).With("Location", target);
    }

    private async ValueTask<RtspResponse> SetupAsync(RtspRequest request, CancellationToken cancellationToken)
    {
        if (!RtspUrl.TryParse(request.Uri, out var url))
        {
            return new RtspResponse(RtspStatus.BadRequest, "Bad URL");
        }

        if (!RtspTransport.TryParse(request.Headers.Get("Transport"), _context.Udp is not null, out var transport))
        {
            return new RtspResponse(RtspStatus.UnsupportedTransport);
        }

        RtspSession? session = null;
        if (request.SessionId is { } id && (session = FindOwnSession(id)) is null)
        {
            return new RtspResponse(RtspStatus.SessionNotFound);
        }

        if (transport!.IsRecord)
        {
            var announced = _announced;
            if (announced is not null && await AuthorizeAsync(request, announced.Name, RtspAccess.Publish, url.Token, cancellationToken) is { } refused)
            {
                return refused;
            }

            return SetupRecord(request, url, transport, session);
        }

        if (session is not null && session.IsPublisher)
        {
            return new RtspResponse(RtspStatus.MethodNotValidInThisState);
        }

        string? control;
        StreamPath? path;
        if (session is not null)
        {
            path = session.Path;
            control = url.Path == path.Name ? null
                : url.Path.StartsWith(path.Name + "/", StringComparison.Ordinal) ? url.Path[(path.Name.Length + 1)..]
                : RtspUrl.SplitLast(url.Path).Last;
        }
        else
        {
            path = _context.Paths.Resolve(url.Path, out control);
        }

        var authPath = path?.Name ?? url.Path;
        if (await AuthorizeAsync(request, authPath, RtspAccess.Read, url.Token, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (path is null)
        {
            return RedirectOrNotFound(url);
        }

        if (path.IsClosed)
        {
            return new RtspResponse(RtspStatus.NotFound, "No Publisher");
        }

        var track = ResolveReaderTrack(control, path.TrackCount);
        if (track < 0)
        {
            return new RtspResponse(RtspStatus.NotFound, "Unknown Track");
        }

        return SetupPlay(request, transport, session, path, track);
    }

    private RtspResponse SetupPlay(RtspRequest request, RtspTransport transport, RtspSession? session, StreamPath path, int track)
    {
        if (session is not null)
        {
            if (session.State != RtspSessionState.ReadyToPlay || session.Tracks[track] is not null)
            {
                return new RtspResponse(RtspStatus.MethodNotValidInThisState);
            }

            if (session.IsUdp == transport.IsTcp)
            {
                return new RtspResponse(RtspStatus.UnsupportedTransport, "Mixed Transports");
            }
        }

        var granted = transport;
        if (transport.IsTcp)
        {
            var rtp = transport.InterleavedRtp ?? FreeChannelPair(track);
            var rtcp = transport.InterleavedRtcp ?? rtp + 1;
            if (rtp < 0 || rtcp > 255 || rtp == rtcp || ChannelInUse(rtp) || ChannelInUse(rtcp))
            {
                return new RtspResponse(RtspStatus.UnsupportedTransport, "Interleaved Channel In Use");
            }

            granted = transport with { InterleavedRtp = rtp, InterleavedRtcp = rtcp };
        }

        if (session is null)
        {
            session = new RtspSession(isPublisher: false, path, this, Remote.Address, _context.Time);
            if (!_context.TryAddSession(session))
            {
                return new RtspResponse(RtspStatus.NotEnoughBandwidth, "Too Many Sessions");
            }

            lock (_sessions)
            {
                _sessions.Add(session);
            }
        }

        session.Tracks[track] = new SessionTrack(granted, request.Uri);
        session.Touch(_context.Time);
        var udp = _context.Udp;
        return new RtspResponse(RtspStatus.Ok)
            .With("Transport", granted.IsTcp ? granted.Format(null, null, null) : granted.Format(udp!.RtpPort, udp.RtcpPort, null))
            .With("Session", SessionHeader(session));
    }

    private RtspResponse Play(RtspRequest request)
    {
        if (request.SessionId is not { } id || FindOwnSession(id) is not { } session)
        {
            return new RtspResponse(RtspStatus.SessionNotFound);
        }

        if (session.IsPublisher || !session.HasTracks)
        {
            return new RtspResponse(RtspStatus.MethodNotValidInThisState);
        }

        session.Touch(_context.Time);
        if (session.State == RtspSessionState.Playing)
        {
            return new RtspResponse(RtspStatus.Ok).With("Range", "npt=now-").With("Session", SessionHeader(session));
        }

        var wanted = Array.ConvertAll(session.Tracks, t => t is not null);
        var reader = new RelayReader(wanted, session.Path.KeyTrack, _context.Options.ReaderQueuePackets, (_, reason) => _context.OnReaderDropped(session, reason));
        var starts = session.Path.Attach(reader);
        if (starts is null)
        {
            reader.Queue.Drain();
            return new RtspResponse(RtspStatus.NotFound, "Publisher Gone");
        }

        session.Reader = reader;
        session.State = RtspSessionState.Playing;
        _startAfterResponse = session;
        _senderAfterResponse = session.IsUdp
            ? new UdpSender(_context.Udp!, Remote.Address, Array.ConvertAll(session.Tracks, t => t is null ? ((int, int)?)null : (t.Transport.ClientRtpPort!.Value, t.Transport.ClientRtcpPort!.Value)), _context.Metrics)
            : new TcpInterleavedSender(SendAsync, Array.ConvertAll(session.Tracks, t => t?.Transport.InterleavedRtp ?? -1), _context.Metrics);
        LogReaderStarted(_context.Logger, session.Path.Name, Remote, session.IsUdp ? "udp" : "tcp");
        return new RtspResponse(RtspStatus.Ok)
            .With("Range", "npt=now-")
            .With("RTP-Info", RtpInfo(session, starts))
            .With("Session", SessionHeader(session));
    }

    private RtspResponse Pause(RtspRequest request)
    {
        if (request.SessionId is not { } id || FindOwnSession(id) is not { } session)
        {
            return new RtspResponse(RtspStatus.SessionNotFound);
        }

        if (session.IsPublisher)
        {
            return new RtspResponse(RtspStatus.MethodNotValidInThisState);
        }

        // Live has nothing to pause into: stop relaying; the next PLAY restarts from the cached GOP.
        if (session.Reader is { } reader)
        {
            session.Path.Detach(reader);
            reader.Queue.Drain();
            session.Reader = null;
            session.State = RtspSessionState.ReadyToPlay;
        }

        session.Touch(_context.Time);
        return new RtspResponse(RtspStatus.Ok).With("Session", SessionHeader(session));
    }

    private static void StartPump(RtspSession session, IRtpSender sender)
    {
        if (session.Reader is not { } reader)
        {
            return;
        }

        _ = Task.Run(() => sender.PumpAsync(reader.Queue));
    }
}
