using System.Buffers;
using System.Data.Common;
using System.Text;

namespace Nightjar.Server.Security;

/// <summary>
/// Makes configuration values, connection strings and URLs safe to log or to show in an error.
/// When in doubt it hides the whole value: a missing detail in a log is cheaper than a leaked key.
/// </summary>
internal static class SecretRedactor
{
    public const string Mask = "***";

    private static readonly SearchValues<char> QuerySeparators = SearchValues.Create("&?;#");

    private static readonly string[] SecretWords = ["password", "pwd", "secret", "token", "signature"];

    /// <summary>True for keys whose whole value is secret, e.g. <c>Cluster:Key</c>, <c>Auth:BootstrapAdminKey</c>, <c>...:Password</c>.</summary>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key[(key.LastIndexOf(':') + 1)..];
        return name.EndsWith("key", StringComparison.OrdinalIgnoreCase) || ContainsSecretWord(name);
    }

    /// <summary>The value of a configuration key, safe to print.</summary>
    public static string RedactValue(string key, string? value)
    {
        if (value is null)
        {
            return "(not set)";
        }

        if (IsSecretKey(key))
        {
            return Mask;
        }

        if (key.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase))
        {
            return RedactConnectionString(value);
        }

        return value.Contains("://", StringComparison.Ordinal) ? RedactUrl(value) : value;
    }

    /// <summary>Says whether a secret is set, never what it is.</summary>
    public static string Describe(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : Mask;

    /// <summary>Replaces passwords (and other secret-looking keys) in a <c>Key=Value;</c> connection string.</summary>
    public static string RedactConnectionString(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (connectionString.Contains("://", StringComparison.Ordinal))
        {
            return RedactUrl(connectionString);
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            // Unparseable: we cannot tell where a password starts or ends, so hide everything.
            return Mask;
        }

        foreach (var key in builder.Keys.Cast<string>().ToList())
        {
            if (IsSecretConnectionStringKey(key))
            {
                builder[key] = Mask;
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Hides the password in <c>scheme://user:password@host/...</c> and secret query parameters
    /// (<c>token</c>, <c>key</c>, <c>password</c>...). Works on malformed URLs too: it never parses strictly.
    /// </summary>
    public static string RedactUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var result = new StringBuilder(url.Length);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = 0;
        if (schemeEnd >= 0)
        {
            var authorityStart = schemeEnd + 3;
            result.Append(url, 0, authorityStart);

            // The last '@' before any query decides where user info ends: a password holding '/' or '@'
            // (invalid, but accepted by some cameras) is then still hidden, at worst with part of the path.
            var searchEnd = url.IndexOfAny(['?', '#'], authorityStart);
            searchEnd = searchEnd < 0 ? url.Length : searchEnd;
            var at = searchEnd > authorityStart ? url.LastIndexOf('@', searchEnd - 1, searchEnd - authorityStart) : -1;
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

        var query = url.IndexOfAny(['?', '#'], rest);
        if (query < 0)
        {
            return result.Append(url, rest, url.Length - rest).ToString();
        }

        result.Append(url, rest, query + 1 - rest);

        // '?', ';' and '#' separate too: a malformed URL must not hide "token=..." behind a second '?'
        // or in a fragment, which still ends up in logs.
        var position = query + 1;
        while (position <= url.Length)
        {
            var separator = url.AsSpan(position).IndexOfAny(QuerySeparators);
            var end = separator < 0 ? url.Length : position + separator;
            var parameter = url[position..end];
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            result.Append(equals >= 0 && IsSecretKey(Uri.UnescapeDataString(parameter[..equals]))
                ? parameter[..(equals + 1)] + Mask
                : parameter);
            if (end < url.Length)
            {
                result.Append(url[end]);
            }

            position = end + 1;
        }

        return result.ToString();
    }

    private static bool IsSecretConnectionStringKey(string key)
    {
        var compact = key.Replace(" ", string.Empty, StringComparison.Ordinal);
        return ContainsSecretWord(compact) || compact.EndsWith("key", StringComparison.OrdinalIgnoreCase);
    }

    private static bool ContainsSecretWord(string name) =>
        SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
}
