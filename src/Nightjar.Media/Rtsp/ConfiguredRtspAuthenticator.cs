namespace Nightjar.Media.Rtsp;

/// <summary>
/// Checks Basic/Digest credentials against a fixed list of users with permissions and path patterns.
/// Tokens are not understood here (the server plugs its own authenticator for API keys and playback tokens).
/// </summary>
public sealed class ConfiguredRtspAuthenticator(RtspAuthOptions options) : IRtspAuthenticator
{
    private readonly RtspAuthOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    public ValueTask<RtspAuthResult> AuthenticateAsync(RtspAuthRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(Decide(request));
    }

    private RtspAuthResult Decide(RtspAuthRequest request)
    {
        var credentials = request.Credentials;
        if (credentials is null)
        {
            return request.Access == RtspAccess.Read && _options.AllowAnonymousRead ? RtspAuthResult.Allowed : RtspAuthResult.Unauthorized;
        }

        RtspUser? user = null;
        foreach (var candidate in _options.Users)
        {
            if (string.Equals(candidate.Name, credentials.UserName, StringComparison.Ordinal))
            {
                user = candidate;
                break;
            }
        }

        if (user is null || !credentials.VerifyPassword(user.Password))
        {
            return RtspAuthResult.Unauthorized;
        }

        var needed = request.Access == RtspAccess.Read ? RtspPermissions.Read : RtspPermissions.Publish;
        return (user.Permissions & needed) == needed && MatchesPath(user, request.Path) ? RtspAuthResult.Allowed : RtspAuthResult.Forbidden;
    }

    private static bool MatchesPath(RtspUser user, string path)
    {
        if (user.Paths.Count == 0)
        {
            return true;
        }

        foreach (var pattern in user.Paths)
        {
            var trimmed = pattern.Trim('/');
            if (trimmed.EndsWith('*')
                ? path.StartsWith(trimmed[..^1], StringComparison.Ordinal)
                : string.Equals(trimmed, path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
