using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nightjar.Recording.Cameras;

/// <summary>
/// Parses and rebuilds camera URLs. User info is cut out verbatim rather than through <see cref="Uri"/>, which
/// would also rewrite the path (dot segments, escapes) that some cameras are picky about.
/// </summary>
internal static class SourceUrl
{
    public const int MaxLength = 2048;

    public static readonly IReadOnlyList<string> StreamSchemes = ["rtsp", "rtsps"];

    public static readonly IReadOnlyList<string> EventSchemes = ["http", "https"];

    /// <summary>
    /// Splits <paramref name="text"/> into URL and credentials, checking that it is an absolute URL of one of
    /// <paramref name="schemes"/> with a host. The user info ends at the LAST '@' of the authority, so a password
    /// holding an unescaped '@' (common with cameras) still works.
    /// </summary>
    public static bool TryParse(
        string? text,
        IReadOnlyList<string> schemes,
        [NotNullWhen(true)] out ParsedSourceUrl? result,
        [NotNullWhen(false)] out string? error)
    {
        result = null;
        var expected = "must be an absolute " + string.Join(" or ", schemes.Select(s => s + "://")) + " URL with a host";
        if (string.IsNullOrEmpty(text))
        {
            error = "is required";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"is too long (at most {MaxLength} characters)");
            return false;
        }

        foreach (var c in text)
        {
            if (c is <= ' ' or >= '\x7f')
            {
                error = "must contain only printable ASCII characters without spaces (percent-encode anything else)";
                return false;
            }
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? text[..schemeEnd].ToLowerInvariant() : string.Empty;
        if (!schemes.Contains(scheme, StringComparer.Ordinal))
        {
            error = expected;
            return false;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? text.Length : authorityEnd;
        var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        string? username = null;
        string? password = null;
        if (at >= 0)
        {
            var userInfo = text[authorityStart..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            if (userInfo.Length == 0)
            {
                username = null;
            }
            else if (username.Length == 0)
            {
                error = "has a password but no user name before the ':'";
                return false;
            }
        }

        var hostStart = at >= 0 ? at + 1 : authorityStart;
        var url = scheme + "://" + text[hostStart..];
        if (hostStart == authorityEnd
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Host.Length == 0
            || uri.Port == 0)
        {
            error = expected + " (if the password holds '/', '?' or '#', percent-encode it or use the password field)";
            return false;
        }

        if (url.Contains('#', StringComparison.Ordinal))
        {
            error = "must not have a fragment ('#')";
            return false;
        }

        // Escaped control characters would reach the camera in the request line (header injection).
        if (HasControlCharacter(Uri.UnescapeDataString(url)))
        {
            error = "must not contain encoded control characters";
            return false;
        }

        if (!TryCheckCredentialPart(username, Credentials.MaxUsernameLength, "user name", out error)
            || !TryCheckCredentialPart(password, Credentials.MaxPasswordLength, "password", out error))
        {
            return false;
        }

        result = new ParsedSourceUrl(url, username, password);
        return true;
    }

    /// <summary>Puts credentials back into a URL without user info, percent-encoding them (media.md 7.2).</summary>
    public static string WithUserInfo(string url, string username, string? password)
    {
        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        if (authorityStart < 3)
        {
            throw new ArgumentException("Not an absolute URL.", nameof(url));
        }

        var userInfo = Uri.EscapeDataString(username)
            + (string.IsNullOrEmpty(password) ? string.Empty : ":" + Uri.EscapeDataString(password));
        return string.Concat(url.AsSpan(0, authorityStart), userInfo, "@", url.AsSpan(authorityStart));
    }

    /// <summary>Checks a user name or password given in its own field (or decoded from a URL).</summary>
    public static bool TryCheckCredentialPart(string? value, int maxLength, string what, [NotNullWhen(false)] out string? error)
    {
        if (value is not null && value.Length > maxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"has a {what} longer than {maxLength} characters");
            return false;
        }

        if (value is not null && HasControlCharacter(value))
        {
            error = $"has a {what} with control characters";
            return false;
        }

        error = null;
        return true;
    }

    private static bool HasControlCharacter(string text) => text.AsSpan().IndexOfAnyInRange('\0', '\x1f') >= 0 || text.Contains('\x7f', StringComparison.Ordinal);
}
