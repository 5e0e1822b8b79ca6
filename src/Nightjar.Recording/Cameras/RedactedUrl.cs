using System.Text;
using System.Text.RegularExpressions;

namespace Nightjar.Recording.Cameras;

/// <summary>
/// URLs and texts made safe for responses and logs. The chosen form keeps the user name and hides the password:
/// <c>rtsp://admin:***@10.0.0.5/stream1</c> (a user name helps diagnose a camera and is not a secret). Query
/// parameters that look secret (<c>password=</c>, <c>pwd=</c>, <c>token=</c>, <c>…key=</c>) are masked the same way.
/// </summary>
public static class RedactedUrl
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    private static readonly string[] SecretWords = ["pass", "pwd", "secret", "token", "signature", "auth"];

    // Non-backtracking: these run over ffmpeg's stderr and other untrusted text, so they must stay linear.
    private static readonly Regex UserInfoInText = new(
        @"(?<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:@/\s]*):[^/\s]*@",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex SecretParameterInText = new(
        @"(?<head>(?:pass|passwd|password|pwd|secret|token|signature|auth|apikey|api_key)=)[^&\s""']+",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The URL with the user info password and secret-looking query values replaced by <see cref="Mask"/>.</summary>
    /// <remarks>Never parses strictly, so it also works on a malformed URL (an error message about one, say).</remarks>
    public static string Of(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var result = new StringBuilder(url.Length);
        var rest = 0;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var authorityStart = schemeEnd + 3;
            result.Append(url, 0, authorityStart);

            // Same rule as parsing: the last '@' of the authority ends the user info; a '/' in a password may
            // then show part of it here, which is why stored URLs never hold one (SourceUrl cuts it out).
            var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
            authorityEnd = authorityEnd < 0 ? url.Length : authorityEnd;
            var at = authorityEnd > authorityStart ? url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) : -1;
            rest = authorityStart;
            if (at >= 0)
            {
                var colon = url.IndexOf(':', authorityStart, at - authorityStart);
                result.Append(url, authorityStart, (colon >= 0 ? colon : at) - authorityStart);
                if (colon >= 0)
                {
                    result.Append(':').Append(Mask);
                }

                rest = at;
            }
        }

        var query = url.IndexOf('?', rest);
        if (query < 0)
        {
            return result.Append(url, rest, url.Length - rest).ToString();
        }

        result.Append(url, rest, query + 1 - rest);
        var fragment = url.IndexOf('#', query);
        var queryEnd = fragment < 0 ? url.Length : fragment;
        var parameters = url[(query + 1)..queryEnd].Split('&');
        for (var i = 0; i < parameters.Length; i++)
        {
            var equals = parameters[i].IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parameters[i] : parameters[i][..equals];
            result.Append(i == 0 ? string.Empty : "&")
                .Append(equals >= 0 && IsSecretName(Uri.UnescapeDataString(name)) ? name + "=" + Mask : parameters[i]);
        }

        return result.Append(url, queryEnd, url.Length - queryEnd).ToString();
    }

    /// <summary>
    /// A stored URL (without user info) shown with its credentials' user name: <c>rtsp://admin:***@host/path</c>,
    /// or <c>rtsp://admin@host/path</c> when there is no password.
    /// </summary>
    public static string Of(string url, Credentials? credentials)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (credentials is null || url.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            return Of(url);
        }

        // Of() masks whatever stands after the ':', so the placeholder's escaping does not matter.
        return Of(SourceUrl.WithUserInfo(url, credentials.Username, credentials.HasPassword ? Mask : null));
    }

    /// <summary>
    /// Free text (an ffmpeg error line, an exception message) with every <c>scheme://user:password@</c>, every
    /// secret-looking <c>name=value</c> and every occurrence of <paramref name="knownSecrets"/> masked.
    /// </summary>
    /// <param name="text">Any text; it is not parsed, only searched.</param>
    /// <param name="knownSecrets">Plaintext secrets that may appear on their own; ones shorter than 3 characters are ignored (masking "a" everywhere would destroy the text and reveal it anyway).</param>
    public static string InText(string text, IEnumerable<string>? knownSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = UserInfoInText.Replace(text, "${head}:" + Mask + "@");
        result = SecretParameterInText.Replace(result, "${head}" + Mask);
        foreach (var secret in knownSecrets ?? [])
        {
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 3)
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return result;
    }

    private static bool IsSecretName(string name) =>
        name.EndsWith("key", StringComparison.OrdinalIgnoreCase)
        || SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
