using System.Collections.Immutable;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.EventSinks;

public static partial class EventSinkValidator
{
    /// <summary>
    /// An absolute http(s) URL with a host. Other schemes (file, ftp, unix sockets) and bare paths are refused: a sink
    /// only ever POSTs over HTTP. The URL sent back as shown (with <c>***</c>) keeps the stored one.
    /// </summary>
    private static (string Protected, string Display)? ValidateUrl(
        string? url, EventSinkDefinition? existing, ISecretProtector protector, List<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(url))
        {
            errors.Add(new("url", "is required: the http:// or https:// address events are POSTed to"));
            return null;
        }

        if (existing is not null && string.Equals(url, existing.DisplayUrl, StringComparison.Ordinal))
        {
            return (existing.ProtectedUrl, existing.DisplayUrl);
        }

        if (url.Length > MaxUrlLength || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            errors.Add(new("url", $"must be at most {MaxUrlLength} characters without spaces or control characters"));
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || !url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("url", "must be an absolute http:// or https:// URL with a host"));
            return null;
        }

        if (url.Contains(KeepMask, StringComparison.Ordinal))
        {
            errors.Add(new("url", "holds '***': send the full URL (the masked form is kept only when it is the stored one unchanged)"));
            return null;
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            errors.Add(new("url", "must not have a #fragment"));
            return null;
        }

        return (protector.Protect(url), RedactedUrl.Of(url));
    }

    private static ImmutableSortedDictionary<string, string>? ValidateHeaders(
        IReadOnlyDictionary<string, string>? headers, EventSinkDefinition? existing, ISecretProtector protector, List<ValidationError> errors)
    {
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase, StringComparer.Ordinal);
        if (headers is null)
        {
            return result.ToImmutable();
        }

        if (headers.Count > MaxHeaders)
        {
            errors.Add(new("headers", $"may hold at most {MaxHeaders} headers"));
            return null;
        }

        var before = errors.Count;
        foreach (var (name, value) in headers)
        {
            var field = "headers." + (name.Length > MaxHeaderNameLength ? name[..MaxHeaderNameLength] + "..." : name);
            if (name.Length is 0 or > MaxHeaderNameLength || !name.All(IsTokenChar))
            {
                errors.Add(new(field, $"is not a header name (1 to {MaxHeaderNameLength} letters, digits and !#$%&'*+-.^_`|~)"));
            }
            else if (ReservedHeaders.Contains(name) || name.StartsWith("X-Nightjar-", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new(field, "is set by Nightjar itself and cannot be configured"));
            }
            else if (result.ContainsKey(name))
            {
                errors.Add(new(field, "is given twice (header names ignore case)"));
            }
            else if (string.Equals(value, KeepMask, StringComparison.Ordinal))
            {
                if (existing?.Headers.TryGetValue(name, out var stored) == true)
                {
                    result[name] = stored;
                }
                else
                {
                    errors.Add(new(field, "'***' keeps the stored value, but this header has none: send the value itself"));
                }
            }
            else if (value.Length > MaxHeaderValueLength || value.Any(c => char.IsControl(c) && c != '\t'))
            {
                errors.Add(new(field, $"must be at most {MaxHeaderValueLength} characters without line breaks or control characters"));
            }
            else
            {
                result[name] = protector.Protect(value);
            }
        }

        return errors.Count > before ? null : result.ToImmutable();
    }

    // RFC 9110 token characters.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
