using System.Text.RegularExpressions;

namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// Removes credentials from URLs and from text that may contain URLs (ffmpeg prints its input
/// URL, user and password included, in error messages) before anything reaches a log.
/// </summary>
public static partial class UrlRedactor
{
    /// <summary>What replaces the user-info part of a URL.</summary>
    public const string Mask = "***";

    /// <summary><c>rtsp://user:pass@host/x</c> → <c>rtsp://***@host/x</c>; text without credentials is returned as is.</summary>
    public static string Redact(string? url) => RedactText(url);

    /// <summary>Redacts the user-info of every URL in <paramref name="text"/>, and any of <paramref name="secrets"/> found anywhere.</summary>
    public static string RedactText(string? text, IReadOnlyCollection<string>? secrets = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = text.Contains("://", StringComparison.Ordinal) ? UserInfo().Replace(text, "${scheme}" + Mask + "@") : text;
        if (secrets is not null)
        {
            foreach (var secret in secrets)
            {
                // Very short secrets would blank out ordinary words; they are covered by the URL rule.
                if (secret.Length >= 3)
                {
                    result = result.Replace(secret, Mask, StringComparison.Ordinal);
                }
            }
        }

        return result;
    }

    // Greedy up to the last '@' of the authority: a password with an unescaped '@' is still covered.
    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/\s?#]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
