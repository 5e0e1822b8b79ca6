using System.Globalization;

namespace Nightjar.Media.Rtsp;

/// <summary>One <c>m=</c> section of an SDP, kept line by line so unknown attributes survive a rewrite.</summary>
internal sealed class SdpMedia
{
    private readonly List<string> _lines;

    public SdpMedia(string mediaLine, List<string> lines)
    {
        MediaLine = mediaLine;
        _lines = lines;
        var fields = mediaLine[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        MediaType = fields.Length > 0 ? fields[0] : string.Empty;
        PayloadType = fields.Length > 3 && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var pt) ? pt : -1;
        Control = Attribute("control");
        ParseRtpMap();
        Fmtp = FindFmtp();
    }

    /// <summary>The <c>m=</c> line itself.</summary>
    public string MediaLine { get; }

    /// <summary>Lines after the <c>m=</c> line (attributes, <c>b=</c>, <c>c=</c>...), in order.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary><c>video</c>, <c>audio</c>, <c>application</c>...</summary>
    public string MediaType { get; }

    /// <summary>First payload type of the format list, or -1.</summary>
    public int PayloadType { get; }

    /// <summary>The publisher's own <c>a=control</c> value, or null.</summary>
    public string? Control { get; }

    /// <summary>Upper-case encoding name (H264, H265, MPEG4-GENERIC, PCMU...), or null if unknown.</summary>
    public string? EncodingName { get; private set; }

    public int ClockRate { get; private set; }

    /// <summary>The <c>a=fmtp</c> parameters of <see cref="PayloadType"/>, without the payload type.</summary>
    public string? Fmtp { get; }

    public string? Attribute(string name)
    {
        var prefix = "a=" + name + ":";
        foreach (var line in _lines)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return line[prefix.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>Value of one <c>key=value</c> parameter of the fmtp line, or null.</summary>
    public string? FmtpParameter(string key)
    {
        if (Fmtp is null)
        {
            return null;
        }

        foreach (var part in Fmtp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim();
            }
        }

        return null;
    }

    private void ParseRtpMap()
    {
        foreach (var line in _lines)
        {
            if (!line.StartsWith("a=rtpmap:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = line[9..].Trim();
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !int.TryParse(value[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt != PayloadType)
            {
                continue;
            }

            var encoding = value[(space + 1)..].Trim().Split('/');
            EncodingName = encoding[0].ToUpperInvariant();
            ClockRate = encoding.Length > 1 && int.TryParse(encoding[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate) ? rate : 0;
            return;
        }

        // Static payload types (RFC 3551) may come without rtpmap.
        (EncodingName, ClockRate) = PayloadType switch
        {
            0 => ("PCMU", 8000),
            8 => ("PCMA", 8000),
            14 => ("MPA", 90000),
            26 => ("JPEG", 90000),
            32 => ("MPV", 90000),
            _ => ((string?)null, 0),
        };
    }

    private string? FindFmtp()
    {
        var prefix = "a=fmtp:" + PayloadType.ToString(CultureInfo.InvariantCulture);
        foreach (var line in _lines)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && line.Length > prefix.Length && line[prefix.Length] is ' ' or '\t')
            {
                return line[(prefix.Length + 1)..].Trim();
            }
        }

        return null;
    }
}
