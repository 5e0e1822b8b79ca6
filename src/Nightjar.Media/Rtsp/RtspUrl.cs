namespace Nightjar.Media.Rtsp;

/// <summary>
/// The parts of a request URI the relay cares about: the path (which may end in a track control such as
/// <c>trackID=0</c>) and the <c>token</c> query parameter. Host and port are ignored on purpose: clients
/// behind NAT or proxies send all kinds of hosts.
/// </summary>
internal readonly record struct RtspUrl(string Path, string? Token)
{
    public const int MaxPathLength = 512;

    public static bool TryParse(string uri, out RtspUrl url)
    {
        url = default;
        if (uri.Length == 0 || uri.Length > 4096)
        {
            return false;
        }

        string rest;
        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0)
        {
            var scheme = uri[..schemeEnd];
            if (!scheme.Equals("rtsp", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("rtspu", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var afterAuthority = uri.IndexOf('/', schemeEnd + 3);
            rest = afterAuthority < 0 ? string.Empty : uri[afterAuthority..];
        }
        else if (uri[0] == '/')
        {
            rest = uri;
        }
        else
        {
            return false;
        }

        string path;
        string? query = null;
        var questionMark = rest.IndexOf('?', StringComparison.Ordinal);
        if (questionMark < 0)
        {
            path = rest;
        }
        else
        {
            path = rest[..questionMark];
            query = rest[(questionMark + 1)..];

            // ffmpeg appends relative controls to the base URL verbatim: rtsp://h/path?token=x/trackID=0.
            var slash = query.LastIndexOf('/');
            if (slash >= 0)
            {
                path = path.TrimEnd('/') + "/" + query[(slash + 1)..];
                query = query[..slash];
            }
        }

        path = path.Trim('/');
        if (!IsValidPath(path))
        {
            return false;
        }

        url = new RtspUrl(path, query is null ? null : QueryValue(query, "token"));
        return true;
    }

    /// <summary>Paths are ASCII, at most 512 characters, without empty, "." or ".." segments.</summary>
    public static bool IsValidPath(string path)
    {
        if (path.Length > MaxPathLength)
        {
            return false;
        }

        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '/' or '=' or ':' or '@' or '+' or ',' or '!'))
            {
                return false;
            }
        }

        if (path.Length == 0)
        {
            return true;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits <paramref name="path"/> into the part before its last segment and that segment.</summary>
    public static (string Base, string Last) SplitLast(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? (string.Empty, path) : (path[..slash], path[(slash + 1)..]);
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            if (!key.Equals(name, StringComparison.Ordinal))
            {
                continue;
            }

            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            try
            {
                return Uri.UnescapeDataString(value);
            }
            catch (UriFormatException)
            {
                return null;
            }
        }

        return null;
    }
}
