using Nightjar.Media.Rtsp;

namespace Nightjar.Server.Security;

/// <summary>What <see cref="NightjarRtspAuthenticator"/> decides on, taken from an <see cref="RtspAuthRequest"/>.</summary>
/// <param name="Path">The stream path (<c>lobby</c> or <c>lobby/main</c>).</param>
/// <param name="Access">Read or publish.</param>
/// <param name="IsLoopback">The client connects from 127.0.0.0/8 or ::1.</param>
/// <param name="Token">The URL's <c>?token=</c>, if any.</param>
/// <param name="Scheme">The Authorization scheme used, if any.</param>
/// <param name="BasicPassword">The Basic password (an API key or a playback token); null for Digest. A secret.</param>
internal sealed record RtspAuthAttempt(
    string Path,
    RtspAccess Access,
    bool IsLoopback,
    string? Token,
    RtspAuthScheme? Scheme,
    string? BasicPassword)
{
    public static RtspAuthAttempt From(RtspAuthRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Path, request.Access, request.IsLoopback, request.Token, request.Credentials?.Scheme, request.Credentials?.BasicPassword);
    }

    public bool HasCredentials => Scheme is not null || Token is not null;

    // Secrets stay out of ToString (records print every member).
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Path = ").Append(Path).Append(", Access = ").Append(Access.ToString())
            .Append(", IsLoopback = ").Append(IsLoopback)
            .Append(", Token = ").Append(Token is null ? "(none)" : "***")
            .Append(", Scheme = ").Append(Scheme?.ToString() ?? "(none)");
        return true;
    }
}
