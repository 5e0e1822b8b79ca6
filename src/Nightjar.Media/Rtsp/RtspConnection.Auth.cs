namespace Nightjar.Media.Rtsp;

/// <summary>
/// Authentication. A grant (read or publish of one path) lasts for the connection, so the per-track SETUPs and
/// PLAY of a client that authenticated its DESCRIBE, or carried a token only on the DESCRIBE URL, go through.
/// </summary>
internal sealed partial class RtspConnection
{
    /// <summary>Null when allowed; otherwise the 401/403 response to send.</summary>
    private async ValueTask<RtspResponse?> AuthorizeAsync(RtspRequest request, string path, RtspAccess access, string? token, CancellationToken cancellationToken)
    {
        var grant = (access == RtspAccess.Read ? "r:" : "p:") + path;
        if (_grants.Contains(grant))
        {
            return null;
        }

        var options = _context.Options;
        var authenticator = _context.Authenticator;
        if (authenticator is null || (access == RtspAccess.Publish && options.TrustLoopbackPublishers && IsLoopback))
        {
            _grants.Add(grant);
            return null;
        }

        var header = request.Headers.Get("Authorization");
        var credentials = ReadCredentials(request, header, path, out var stale);
        var result = await authenticator.AuthenticateAsync(
            new RtspAuthRequest(path, access, request.Method, Remote.Address, token, credentials),
            cancellationToken);
        if (result == RtspAuthResult.Allowed)
        {
            _grants.Add(grant);
            return null;
        }

        var presented = (header is not null && !stale) || token is not null;
        if (presented)
        {
            _authFailures++;
            _context.Metrics.AuthFailed(access);
            LogAuthFailed(_context.Logger, Remote, path, access, credentials?.UserName ?? (token is null ? "(invalid header)" : "(token)"));
        }

        var response = result == RtspAuthResult.Forbidden ? new RtspResponse(RtspStatus.Forbidden) : Challenge(stale);
        response.CloseConnection = _authFailures >= options.MaxAuthFailuresPerConnection;
        return response;
    }

    /// <summary>Parses and pre-checks the Authorization header; null if absent or unusable.</summary>
    private RtspCredentials? ReadCredentials(RtspRequest request, string? header, string path, out bool stale)
    {
        stale = false;
        var options = _context.Options;
        if (header is null || !AuthorizationHeader.TryParse(header, request.Method, out var credentials) || credentials is null)
        {
            return null;
        }

        if (credentials.Scheme == RtspAuthScheme.Basic)
        {
            return options.AllowBasicAuth ? credentials : null;
        }

        var digest = credentials.DigestParameters!;
        if (!options.AllowDigestAuth || !string.Equals(digest.Realm, options.Realm, StringComparison.Ordinal))
        {
            return null;
        }

        switch (_context.Nonces.Validate(digest.Nonce))
        {
            case DigestNonceState.Invalid:
                return null;
            case DigestNonceState.Expired:
                stale = true;
                return null;
        }

        // The digest covers its own uri field; it must name this stream (ffmpeg sends track URLs and base + "/").
        if (!RtspUrl.TryParse(digest.Uri, out var digestUrl)
            || !(digestUrl.Path == path || digestUrl.Path.StartsWith(path + "/", StringComparison.Ordinal)))
        {
            return null;
        }

        return credentials;
    }

    private RtspResponse Challenge(bool stale)
    {
        var options = _context.Options;
        var response = new RtspResponse(RtspStatus.Unauthorized);
        if (options.AllowDigestAuth)
        {
            var value = $"Digest realm=\"{options.Realm}\", nonce=\"{_context.Nonces.Issue()}\"";
            response.With("WWW-Authenticate", stale ? value + ", stale=TRUE" : value);
        }

        if (options.AllowBasicAuth)
        {
            response.With("WWW-Authenticate", $"Basic realm=\"{options.Realm}\"");
        }

        return response;
    }
}
