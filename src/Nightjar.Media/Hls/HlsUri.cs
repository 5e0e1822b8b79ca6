namespace Nightjar.Media.Hls;

/// <summary>URI helpers for the callbacks of <see cref="HlsChunkAddressing"/>.</summary>
public static class HlsUri
{
    /// <summary>
    /// Appends <c>name=value</c> (both escaped) with '?' or '&amp;' as needed; a null or empty value
    /// returns the URI unchanged, so a server can pass its optional playback token through.
    /// </summary>
    public static string WithQuery(string uri, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (string.IsNullOrEmpty(value))
        {
            return uri;
        }

        var fragment = uri.IndexOf('#', StringComparison.Ordinal);
        var head = fragment < 0 ? uri : uri[..fragment];
        var tail = fragment < 0 ? string.Empty : uri[fragment..];
        var separator = head.Contains('?', StringComparison.Ordinal) ? (head.EndsWith('?') || head.EndsWith('&') ? string.Empty : "&") : "?";
        return string.Concat(head, separator, Uri.EscapeDataString(name), "=", Uri.EscapeDataString(value), tail);
    }
}
