namespace Nightjar.Media.Rtsp;

/// <summary>A parsed SDP (RFC 4566) as announced by a publisher: session lines plus media sections.</summary>
internal sealed class SdpDocument
{
    public const int MaxMedia = 16;

    private SdpDocument(List<string> sessionLines, List<SdpMedia> media)
    {
        SessionLines = sessionLines;
        Media = media;
    }

    public IReadOnlyList<string> SessionLines { get; }

    public IReadOnlyList<SdpMedia> Media { get; }

    /// <summary>Parses SDP text; lenient about line endings, strict about structure (no media means unusable).</summary>
    public static bool TryParse(string text, out SdpDocument? document, out string? error)
    {
        document = null;
        var sessionLines = new List<string>();
        var media = new List<SdpMedia>();
        string? mediaLine = null;
        List<string>? mediaLines = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                error = "malformed SDP line";
                return false;
            }

            if (line[0] == 'm')
            {
                if (mediaLine is not null)
                {
                    media.Add(new SdpMedia(mediaLine, mediaLines!));
                }

                if (media.Count >= MaxMedia)
                {
                    error = "too many media sections";
                    return false;
                }

                mediaLine = line;
                mediaLines = [];
            }
            else if (mediaLines is not null)
            {
                mediaLines.Add(line);
            }
            else
            {
                sessionLines.Add(line);
            }
        }

        if (mediaLine is not null)
        {
            media.Add(new SdpMedia(mediaLine, mediaLines!));
        }

        if (media.Count == 0)
        {
            error = "SDP has no media";
            return false;
        }

        foreach (var m in media)
        {
            if (m.PayloadType < 0 || m.MediaType.Length == 0)
            {
                error = "malformed m= line";
                return false;
            }
        }

        document = new SdpDocument(sessionLines, media);
        error = null;
        return true;
    }
}
