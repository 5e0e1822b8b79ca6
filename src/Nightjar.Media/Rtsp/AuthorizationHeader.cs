using System.Text;

namespace Nightjar.Media.Rtsp;

/// <summary>Parses <c>Authorization: Basic …</c> and <c>Authorization: Digest k="v", …</c>; never throws.</summary>
internal static class AuthorizationHeader
{
    private const int MaxLength = 4096;

    public static bool TryParse(string? value, string method, out RtspCredentials? credentials)
    {
        credentials = null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            return false;
        }

        var trimmed = value.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        var scheme = trimmed[..space];
        var rest = trimmed[(space + 1)..].Trim();
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseBasic(rest, out credentials);
        }

        if (scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseDigest(rest, method, out credentials);
        }

        return false;
    }

    private static bool TryParseBasic(string encoded, out RtspCredentials? credentials)
    {
        credentials = null;
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        credentials = RtspCredentials.Basic(text[..colon], text[(colon + 1)..]);
        return true;
    }

    private static bool TryParseDigest(string parameters, string method, out RtspCredentials? credentials)
    {
        credentials = null;
        var fields = ParseParameters(parameters);
        if (fields is null
            || !fields.TryGetValue("username", out var user)
            || !fields.TryGetValue("realm", out var realm)
            || !fields.TryGetValue("nonce", out var nonce)
            || !fields.TryGetValue("uri", out var uri)
            || !fields.TryGetValue("response", out var response))
        {
            return false;
        }

        if (fields.TryGetValue("algorithm", out var algorithm) && !algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        fields.TryGetValue("qop", out var qop);
        fields.TryGetValue("nc", out var nc);
        fields.TryGetValue("cnonce", out var cnonce);
        if (!string.IsNullOrEmpty(qop) && (!qop.Equals("auth", StringComparison.OrdinalIgnoreCase) || nc is null || cnonce is null))
        {
            return false;
        }

        credentials = RtspCredentials.Digest(user, new RtspCredentials.DigestFields(realm, nonce, uri, response, method, qop, nc, cnonce));
        return true;
    }

    /// <summary>RFC 2617 auth-param list: <c>key=token</c> or <c>key="quoted \" string"</c>, comma separated.</summary>
    internal static Dictionary<string, string>? ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var keyStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',')
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=')
            {
                return null;
            }

            var key = text[keyStart..i].Trim();
            i++;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var builder = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    builder.Append(text[i]);
                    i++;
                }

                if (i >= text.Length)
                {
                    return null;
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] != ',')
                {
                    i++;
                }

                value = text[valueStart..i].Trim();
            }

            if (key.Length == 0 || result.Count > 32)
            {
                return null;
            }

            result[key] = value;
        }

        return result;
    }
}
