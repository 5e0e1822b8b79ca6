using System.Text;
using System.Text.Json.Serialization;
using Nightjar.Recording.Access;

namespace Nightjar.Recording.Cameras;

/// <summary>One encoded feed of a camera (<c>main</c>, <c>sub</c>).</summary>
/// <param name="Name">Unique within the camera, see <see cref="StreamNames"/>.</param>
/// <param name="Url">The <c>rtsp://</c> or <c>rtsps://</c> source, WITHOUT user info: credentials live in <paramref name="Credentials"/>.</param>
/// <param name="Credentials">Login for the source, if any.</param>
/// <param name="ExpectedBitrateKbps">The operator's estimate, used for placement until the bitrate is measured.</param>
/// <param name="Record">False for a restream-only stream (live only, no archive).</param>
public sealed record StreamDefinition(
    string Name,
    string Url,
    Credentials? Credentials,
    int? ExpectedBitrateKbps,
    bool Record = true)
{
    public const int MinBitrateKbps = 1;

    public const int MaxBitrateKbps = 1_000_000;

    /// <summary>The URL for responses and logs: <c>rtsp://user:***@host/path</c>.</summary>
    public string ToDisplayUrl() => RedactedUrl.Of(Url, Credentials);

    /// <summary>
    /// The URL ingest opens, with the plaintext credentials percent-encoded into it. The result is a SECRET:
    /// pass it to the process, never to a log (log <see cref="ToDisplayUrl"/> instead).
    /// </summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The password was protected with other keys.</exception>
    public string ResolveSourceUrl(ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (Credentials is null)
        {
            return Url;
        }

        var plain = Credentials.Unprotect(protector);
        return SourceUrl.WithUserInfo(Url, plain.Username, plain.Password);
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Name = ").Append(Name)
            .Append(", Url = ").Append(RedactedUrl.Of(Url))
            .Append(", Credentials = ").Append(Credentials)
            .Append(", ExpectedBitrateKbps = ").Append(ExpectedBitrateKbps)
            .Append(", Record = ").Append(Record ? "True" : "False");
        return true;
    }
}
