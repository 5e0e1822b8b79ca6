namespace Nightjar.Media.Rtsp;

/// <summary>Request dispatch and the methods that do not depend on the role (OPTIONS, keepalives, TEARDOWN).</summary>
internal sealed partial class RtspConnection
{
    private const string PublicMethods = "OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, PAUSE, RECORD, TEARDOWN, GET_PARAMETER, SET_PARAMETER";

    private RtspSession? _startAfterResponse;
    private IRtpSender? _senderAfterResponse;

    /// <summary>Answers one request; false when the connection must close afterwards.</summary>
    private async Task<bool> HandleRequestAsync(RtspRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requestCount);
        var cseq = request.CSeq;
        RtspResponse response;
        if (cseq is null)
        {
            response = new RtspResponse(RtspStatus.BadRequest, "Missing CSeq");
        }
        else
        {
            try
            {
                response = request.Method switch
                {
                    "OPTIONS" => Options(request),
                    "DESCRIBE" => await DescribeAsync(request, cancellationToken),
                    "ANNOUNCE" => await AnnounceAsync(request, cancellationToken),
                    "SETUP" => await SetupAsync(request, cancellationToken),
                    "PLAY" => Play(request),
                    "PAUSE" => Pause(request),
                    "RECORD" => Record(request),
                    "TEARDOWN" => Teardown(request),
                    "GET_PARAMETER" or "SET_PARAMETER" => KeepAlive(request),
                    _ => new RtspResponse(RtspStatus.NotImplemented).With("Public", PublicMethods),
                };
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // One bad request must not take the connection's other sessions down with it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRequestFailed(_context.Logger, ex, request.Method, Remote);
                response = new RtspResponse(RtspStatus.InternalServerError);
                _startAfterResponse = null;
                _senderAfterResponse = null;
            }
        }

        if (!await SendResponseAsync(response, cseq))
        {
            return false;
        }

        if (_startAfterResponse is { } session && _senderAfterResponse is { } sender)
        {
            // RTP must not overtake the PLAY response on the wire, so the pump starts only now.
            _startAfterResponse = null;
            _senderAfterResponse = null;
            StartPump(session, sender);
        }

        return !response.CloseConnection;
    }

    private ValueTask<bool> SendResponseAsync(RtspResponse response, string? cseq) =>
        SendAsync(response.ToBytes(cseq, _context.Time.GetUtcNow()));

    private RtspResponse Options(RtspRequest request)
    {
        if (request.SessionId is { } id && FindOwnSession(id) is { } session)
        {
            session.Touch(_context.Time);
        }

        return new RtspResponse(RtspStatus.Ok).With("Public", PublicMethods);
    }

    /// <summary>GET_PARAMETER/SET_PARAMETER: the keepalives of ffmpeg, GStreamer and most VMS.</summary>
    private RtspResponse KeepAlive(RtspRequest request)
    {
        if (request.SessionId is not { } id)
        {
            return new RtspResponse(RtspStatus.Ok);
        }

        var session = FindOwnSession(id);
        if (session is null)
        {
            return new RtspResponse(RtspStatus.SessionNotFound);
        }

        session.Touch(_context.Time);
        return new RtspResponse(RtspStatus.Ok).With("Session", SessionHeader(session));
    }

    private RtspResponse Teardown(RtspRequest request)
    {
        if (request.SessionId is not { } id)
        {
            _announced = null;
            return new RtspResponse(RtspStatus.Ok);
        }

        var session = FindOwnSession(id);
        if (session is null)
        {
            return new RtspResponse(RtspStatus.SessionNotFound);
        }

        lock (_sessions)
        {
            _sessions.Remove(session);
        }

        if (ReferenceEquals(_recording, session))
        {
            ResetPublisherState();
        }

        _context.CloseSession(session, "teardown");
        return new RtspResponse(RtspStatus.Ok);
    }

    /// <summary>A session of this connection, or a UDP session whose connection went away (it may be resumed).</summary>
    private RtspSession? FindOwnSession(string id)
    {
        var session = _context.FindSession(id);
        if (session is null || session.IsClosed)
        {
            return null;
        }

        if (session.Owner is null && session.IsUdp && Equals(session.ClientAddress, Remote.Address))
        {
            session.Owner = this;
            lock (_sessions)
            {
                _sessions.Add(session);
            }
        }

        return ReferenceEquals(session.Owner, this) ? session : null;
    }

    private string SessionHeader(RtspSession session) =>
        session.Id + ";timeout=" + ((int)_context.Options.SessionTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void ResetPublisherState()
    {
        Volatile.Write(ref _recording, null);
        _announced = null;
        Array.Fill(_channelTrack, -1);
    }
}
