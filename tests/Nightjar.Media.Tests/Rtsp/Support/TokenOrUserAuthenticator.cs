using System.Collections.Concurrent;
using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>
/// A hand-written authenticator like the server will plug in: a playback token grants reading one path,
/// otherwise users are checked by <see cref="ConfiguredRtspAuthenticator"/>. Records what it was asked.
/// </summary>
internal sealed class TokenOrUserAuthenticator(string token, string tokenPath, RtspAuthOptions users) : IRtspAuthenticator
{
    private readonly ConfiguredRtspAuthenticator _users = new(users);

    public ConcurrentQueue<(string Path, RtspAccess Access, string? Token, string? User)> Requests { get; } = new();

    public ValueTask<RtspAuthResult> AuthenticateAsync(RtspAuthRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.Path, request.Access, request.Token, request.Credentials?.UserName));
        if (request.Token is not null)
        {
            return ValueTask.FromResult(request.Token == token && request.Path == tokenPath && request.Access == RtspAccess.Read
                ? RtspAuthResult.Allowed
                : RtspAuthResult.Unauthorized);
        }

        return _users.AuthenticateAsync(request, cancellationToken);
    }
}
