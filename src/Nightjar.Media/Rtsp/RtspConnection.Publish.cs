using System.Net;
using System.Text;

namespace Nightjar.Media.Rtsp;

/// <summary>The publisher side: ANNOUNCE (SDP), SETUP with mode=record, RECORD.</summary>
internal sealed partial class RtspConnection
{
    private async ValueTask<RtspResponse> AnnounceAsync(RtspRequest request, CancellationToken cancellationToken)
    {
        if (!RtspUrl.TryParse(request.Uri, out var url) || url.Path.Length == 0)
        {
            return new RtspResponse(RtspStatus.BadRequest, "Bad URL");
        }

        if (await AuthorizeAsync(request, url.Path, RtspAccess.Publish, url.Token, cancellationToken) is { } denied)
        {
            return denied;
        }

        var contentType = request.Headers.Get("Content-Type");
        if (contentType is null || !contentType.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase))
        {
            return new RtspResponse(415, "Unsupported Media Type");
        }

        if (!SdpDocument.TryParse(Encoding.UTF8.GetString(request.Body.Span), out var sdp, out var error))
        {
            return new RtspResponse(RtspStatus.BadRequest, "Bad SDP: " + error);
        }

        if (_recording is not null || _announced is not null)
        {
            return new RtspResponse(RtspStatus.MethodNotValidInThisState, "Already Publishing");
        }

        if (_context.Paths.IsHeldByLivePublisher(url.Path))
        {
            LogPublisherRefused(_context.Logger, url.Path, Remote);
            return new RtspResponse(RtspStatus.MethodNotValidInThisState, PathPublishedReason);
        }

        var options = _context.Options;
        _announced = new StreamPath(url.Path, sdp!, options.GopCacheMaxPackets, options.GopCacheMaxBytes, _context.Time, Abort);
        return new RtspResponse(RtspStatus.Ok);
    }

    /// <summary>Reason phrase of the 455 a second live publisher gets (ffmpeg and GStreamer print it).</summary>
    internal const string PathPublishedReason = "Path Already Has A Publisher";

    private RtspResponse SetupRecord(RtspRequest request, RtspUrl url, RtspTransport transport, RtspSession? session)
    {
        var announced = _announced;
        if (announced is null || (session is not null && (!session.IsPublisher || session.State != RtspSessionState.ReadyToRecord)))
        {
            return new RtspResponse(RtspStatus.MethodNotValidInThisState);
        }

        if (!transport.IsTcp && (_context.Udp is null || transport.ClientRtpPort is null))
        {
            return new RtspResponse(RtspStatus.UnsupportedTransport);
        }

        var track = ResolvePublisherTrack(url.Path, announced);
        if (track < 0)
        {
            return new RtspResponse(RtspStatus.NotFound, "Unknown Track");
        }

        int rtp = 0, rtcp = 0;
        if (transport.IsTcp)
        {
            rtp = transport.InterleavedRtp ?? track * 2;
            rtcp = transport.InterleavedRtcp ?? rtp + 1;
            if (rtp == rtcp || _channelTrack[rtp] >= 0 || _channelTrack[rtcp] >= 0)
            {
                return new RtspResponse(RtspStatus.UnsupportedTransport, "Interleaved Channel In Use");
            }
        }

        if (session is null)
        {
            session = new RtspSession(isPublisher: true, announced, this, Remote.Address, _context.Time);
            if (!_context.TryAddSession(session))
            {
                return new RtspResponse(RtspStatus.NotEnoughBandwidth, "Too Many Sessions");
            }

            lock (_sessions)
            {
                _sessions.Add(session);
            }
        }

        if (session.Tracks[track] is not null || (session.HasTracks && session.IsUdp == transport.IsTcp))
        {
            return new RtspResponse(RtspStatus.MethodNotValidInThisState, "Track Already Set Up");
        }

        var granted = transport;
        string transportHeader;
        if (transport.IsTcp)
        {
            _channelTrack[rtp] = track << 1;
            _channelTrack[rtcp] = (track << 1) | 1;
            granted = transport with { InterleavedRtp = rtp, InterleavedRtcp = rtcp };
            transportHeader = granted.Format(null, null, null);
        }
        else
        {
            // GStreamer's rtspclientsink offers only UDP unless told otherwise, and does not fall back on 461.
            var udp = _context.Udp!;
            if (!_context.TryAddUdpRoute(new IPEndPoint(Remote.Address, transport.ClientRtpPort!.Value).Serialize(), session, track, isRtcp: false)
                || !_context.TryAddUdpRoute(new IPEndPoint(Remote.Address, transport.ClientRtcpPort!.Value).Serialize(), session, track, isRtcp: true))
            {
                return new RtspResponse(RtspStatus.UnsupportedTransport, "Client Ports In Use");
            }

            transportHeader = granted.Format(udp.RtpPort, udp.RtcpPort, null);
        }

        session.Tracks[track] = new SessionTrack(granted, request.Uri);
        return new RtspResponse(RtspStatus.Ok)
            .With("Transport", transportHeader)
            .With("Session", SessionHeader(session));
    }

    private RtspResponse Record(RtspRequest request)
    {
        if (request.SessionId is not { } id || FindOwnSession(id) is not { } session)
        {
            return new RtspResponse(RtspStatus.SessionNotFound);
        }

        if (!session.IsPublisher || session.State != RtspSessionState.ReadyToRecord || !session.HasTracks)
        {
            return new RtspResponse(RtspStatus.MethodNotValidInThisState);
        }

        if (!_context.Paths.TryPublish(session.Path))
        {
            LogPublisherRefused(_context.Logger, session.Path.Name, Remote);
            return new RtspResponse(RtspStatus.MethodNotValidInThisState, PathPublishedReason);
        }

        session.State = RtspSessionState.Recording;
        session.Touch(_context.Time);
        Volatile.Write(ref _recording, session);
        _announced = null;
        LogPublisherStarted(_context.Logger, session.Path.Name, Remote, session.Path.TrackCount);
        return new RtspResponse(RtspStatus.Ok).With("Session", SessionHeader(session));
    }

    /// <summary>
    /// Maps a publisher's SETUP URL to a media index: the announced <c>a=control</c> (ffmpeg: streamid=N,
    /// GStreamer: stream=N, absolute URLs), else a trailing number, else the only track.
    /// </summary>
    private static int ResolvePublisherTrack(string setupPath, StreamPath announced)
    {
        var media = announced.Sdp.Media;
        string? control = null;
        if (setupPath.StartsWith(announced.Name + "/", StringComparison.Ordinal))
        {
            control = setupPath[(announced.Name.Length + 1)..];
        }
        else if (setupPath != announced.Name)
        {
            return -1;
        }

        if (control is null)
        {
            return media.Count == 1 ? 0 : -1;
        }

        for (var i = 0; i < media.Count; i++)
        {
            var declared = media[i].Control;
            if (declared is null)
            {
                continue;
            }

            if (declared == control || (RtspUrl.TryParse(declared, out var absolute) && absolute.Path == setupPath))
            {
                return i;
            }
        }

        return TrailingNumber(control) is { } index && index < media.Count ? index : (media.Count == 1 ? 0 : -1);
    }

    private static int? TrailingNumber(string control)
    {
        var end = control.Length;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(control[start - 1]))
        {
            start--;
        }

        return start < end && end - start <= 3 ? int.Parse(control.AsSpan(start), System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
