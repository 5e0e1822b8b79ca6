namespace Nightjar.Media.Rtsp;

/// <summary>
/// Decides whether a client may read from or publish to a path. The relay calls it for DESCRIBE and ANNOUNCE,
/// and for SETUP when the connection has not been granted that path yet; a grant then lasts for the connection.
/// Implementations must be thread-safe and should answer quickly (they run on the request path).
/// </summary>
/// <remarks>
/// Credentials arrive as <see cref="RtspAuthRequest.Credentials"/> (Basic or Digest, verified through
/// <see cref="RtspCredentials.VerifyPassword"/> so Digest needs no special handling) or as a
/// <see cref="RtspAuthRequest.Token"/> taken from the URL's <c>?token=</c> query.
/// </remarks>
public interface IRtspAuthenticator
{
    ValueTask<RtspAuthResult> AuthenticateAsync(RtspAuthRequest request, CancellationToken cancellationToken);
}
