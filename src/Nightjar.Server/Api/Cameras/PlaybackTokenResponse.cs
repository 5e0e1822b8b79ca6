namespace Nightjar.Server.Api.Cameras;

/// <summary>A playback token and ready-made URLs carrying it.</summary>
/// <param name="Token">Put it in <c>?token=</c> of HLS and RTSP URLs under <paramref name="Scope"/>.</param>
/// <param name="ExpiresAt">The first instant it is refused.</param>
/// <param name="Scope">The camera (<c>lobby</c>) or stream (<c>lobby/main</c>) it opens.</param>
/// <param name="Permissions">What it allows, by permission name.</param>
/// <param name="Urls">The live URLs with the token.</param>
internal sealed record PlaybackTokenResponse(
    string Token,
    DateTimeOffset ExpiresAt,
    string Scope,
    IReadOnlyList<string> Permissions,
    PlaybackUrls Urls)
{
    // The token is a bearer credential: keep it out of logs.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Token = ***, ExpiresAt = ").Append(ExpiresAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", Scope = ").Append(Scope);
        return true;
    }
}
