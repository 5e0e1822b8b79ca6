using System.Net.Http.Headers;
using System.Text;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// A sink's secrets in plaintext, for the moment of delivery: the URL without user info, its headers (user info becomes
/// <c>Authorization: Basic</c>, as browsers and curl do) and the signing secret. Memory only; never logged.
/// </summary>
internal sealed record SinkTarget(Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Secret, IReadOnlyList<string> KnownSecrets)
{
    /// <exception cref="System.Security.Cryptography.CryptographicException">The secrets were protected with another key ring.</exception>
    public static SinkTarget Resolve(EventSinkDefinition definition, ISecretProtector protector)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(protector);
        var known = new List<string>();
        var headers = definition.Headers.Select(h => KeyValuePair.Create(h.Key, protector.Unprotect(h.Value))).ToList();
        known.AddRange(headers.Select(h => h.Value));
        var secret = definition.ProtectedSecret is null ? null : protector.Unprotect(definition.ProtectedSecret);
        if (secret is not null)
        {
            known.Add(secret);
        }

        var url = new Uri(protector.Unprotect(definition.ProtectedUrl), UriKind.Absolute);
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            var separator = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(separator < 0 ? url.UserInfo : url.UserInfo[..separator]);
            var password = separator < 0 ? string.Empty : Uri.UnescapeDataString(url.UserInfo[(separator + 1)..]);
            if (password.Length > 0)
            {
                known.Add(password);
            }

            if (!headers.Any(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)))
            {
                var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
                headers.Add(KeyValuePair.Create("Authorization", basic.ToString()));
                known.Add(basic.Parameter!);
            }

            url = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
        }

        return new SinkTarget(url, headers, secret, known);
    }

    /// <summary>Text (an exception message) with the URL's secrets, header values and the secret masked.</summary>
    public string Redact(string text) => RedactedUrl.InText(text, KnownSecrets);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Url = ").Append(RedactedUrl.Of(Url.ToString())).Append(", Headers = [").AppendJoin(", ", Headers.Select(h => h.Key))
            .Append("], Secret = ").Append(Secret is null ? "(none)" : "***");
        return true;
    }
}
