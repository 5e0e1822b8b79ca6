using Nightjar.Media.Rtsp;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>
/// RTSP access with the same credentials as HTTP. READ: an API key as the Basic password (any user name), or a
/// playback token in <c>?token=</c> (or as the Basic password) that covers the path and allows live play.
/// PUBLISH: the node's own ingest from loopback, or an operator or admin key as the Basic password.
/// </summary>
/// <remarks>
/// Digest cannot carry API keys: it proves knowledge of a password by hashing it with the server's nonce, so the
/// server needs the clear password (or MD5(user:realm:password)), and keys are stored only as SHA-256 hashes.
/// A client limited to Digest (some VMS) puts a playback token in the URL (<c>rtsp://host:8554/lobby?token=...</c>),
/// which works whatever the Authorization header says. Basic sends the key in clear text: use it on trusted networks
/// or behind TLS, as with any RTSP password.
/// </remarks>
internal sealed partial class NightjarRtspAuthenticator(
    ApiKeyStore store,
    PlaybackTokenService tokens,
    SecurityMetrics metrics,
    ILogger<NightjarRtspAuthenticator> logger) : IRtspAuthenticator
{
    public async ValueTask<RtspAuthResult> AuthenticateAsync(RtspAuthRequest request, CancellationToken cancellationToken)
    {
        var attempt = RtspAuthAttempt.From(request);

        // A key created on another node a moment ago: read the journal (bounded by the store) before refusing it.
        if (attempt.BasicPassword is { } password
            && ApiKeys.TryGetId(password, out var id)
            && store.Current.Find(id) is null)
        {
            await store.CatchUpForUnknownKeyAsync(cancellationToken);
        }

        return Decide(attempt);
    }

    /// <summary>The decision for one attempt; counts and logs refusals of presented credentials.</summary>
    public RtspAuthResult Decide(RtspAuthAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var (result, reason) = attempt.Access == RtspAccess.Publish ? DecidePublish(attempt) : DecideRead(attempt);
        if (result != RtspAuthResult.Allowed && attempt.HasCredentials)
        {
            metrics.AuthFailed(reason, "rtsp");
            var tag = AuthFailureReasons.TagOf(reason);
            LogRefused(logger, attempt.Access, attempt.Path, tag);
        }

        return result;
    }

    private (RtspAuthResult, AuthFailureReason) DecidePublish(RtspAuthAttempt attempt)
    {
        if (attempt.IsLoopback)
        {
            return (RtspAuthResult.Allowed, AuthFailureReason.Missing);
        }

        // Pushing video into a camera's path replaces what viewers see: the same right as changing the camera.
        return store.Current.Verify(attempt.BasicPassword) is { } key
            ? (key.Role.Has(Permissions.ManageCameras) ? RtspAuthResult.Allowed : RtspAuthResult.Forbidden, AuthFailureReason.Forbidden)
            : (RtspAuthResult.Unauthorized, attempt.HasCredentials ? AuthFailureReason.InvalidKey : AuthFailureReason.Missing);
    }

    private (RtspAuthResult, AuthFailureReason) DecideRead(RtspAuthAttempt attempt)
    {
        if (store.Current.Verify(attempt.BasicPassword) is { } key)
        {
            return key.Role.Has(Permissions.PlayLive)
                ? (RtspAuthResult.Allowed, AuthFailureReason.Missing)
                : (RtspAuthResult.Forbidden, AuthFailureReason.Forbidden);
        }

        // A VMS that has only user and password fields can put a token in the password.
        var token = attempt.Token ?? attempt.BasicPassword;
        if (token is null)
        {
            return (RtspAuthResult.Unauthorized, AuthFailureReason.Missing);
        }

        var validation = tokens.Validate(token, attempt.Path, Permissions.PlayLive);
        return validation.Failure switch
        {
            null => (RtspAuthResult.Allowed, AuthFailureReason.Missing),
            PlaybackTokenFailure.WrongScope => (RtspAuthResult.Forbidden, AuthFailureReason.WrongScope),
            PlaybackTokenFailure.InsufficientPermissions => (RtspAuthResult.Forbidden, AuthFailureReason.Forbidden),
            PlaybackTokenFailure.Expired => (RtspAuthResult.Unauthorized, AuthFailureReason.ExpiredToken),
            _ when attempt.Token is null => (RtspAuthResult.Unauthorized, AuthFailureReason.InvalidKey),
            _ => (RtspAuthResult.Unauthorized, AuthFailureReason.InvalidToken),
        };
    }
}
