using System.Globalization;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// One transport specification from a <c>Transport</c> header (RFC 2326 §12.39):
/// <c>RTP/AVP[/TCP|/UDP];unicast;interleaved=a-b|client_port=a-b;mode=…</c>.
/// </summary>
internal sealed record RtspTransport(
    bool IsTcp,
    bool IsMulticast,
    int? InterleavedRtp,
    int? InterleavedRtcp,
    int? ClientRtpPort,
    int? ClientRtcpPort,
    bool IsRecord,
    string Profile)
{
    /// <summary>
    /// Picks the first specification we can serve (unicast RTP/AVP over TCP or UDP) from a header that may
    /// list alternatives separated by commas. Returns false if none is usable.
    /// </summary>
    public static bool TryParse(string? header, bool allowUdp, out RtspTransport? transport)
    {
        transport = null;
        if (string.IsNullOrWhiteSpace(header) || header.Length > 4096)
        {
            return false;
        }

        foreach (var spec in SplitOutsideQuotes(header, ','))
        {
            if (TryParseSpec(spec, out var candidate) && !candidate!.IsMulticast && (allowUdp || candidate.IsTcp))
            {
                transport = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The header value we answer SETUP with.</summary>
    public string Format(int? serverRtpPort, int? serverRtcpPort, uint? ssrc)
    {
        var parts = new List<string>(6) { IsTcp ? "RTP/AVP/TCP" : "RTP/AVP", "unicast" };
        if (IsTcp)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"interleaved={InterleavedRtp}-{InterleavedRtcp}"));
        }
        else
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"client_port={ClientRtpPort}-{ClientRtcpPort}"));
            if (serverRtpPort is not null)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"server_port={serverRtpPort}-{serverRtcpPort}"));
            }
        }

        if (ssrc is not null)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"ssrc={ssrc.Value:X8}"));
        }

        if (IsRecord)
        {
            parts.Add("mode=record");
        }

        return string.Join(';', parts);
    }

    private static bool TryParseSpec(string spec, out RtspTransport? transport)
    {
        transport = null;
        var fields = SplitOutsideQuotes(spec, ';');
        if (fields.Count == 0)
        {
            return false;
        }

        var protocol = fields[0].Trim().ToUpperInvariant();
        bool tcp;
        switch (protocol)
        {
            case "RTP/AVP" or "RTP/AVP/UDP" or "RTP/AVPF" or "RTP/AVPF/UDP":
                tcp = false;
                break;
            case "RTP/AVP/TCP" or "RTP/AVPF/TCP":
                tcp = true;
                break;
            default:
                return false;
        }

        var multicast = false;
        var record = false;
        (int, int)? interleaved = null;
        (int, int)? clientPort = null;
        for (var i = 1; i < fields.Count; i++)
        {
            var field = fields[i].Trim();
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? field : field[..eq]).Trim();
            var value = eq < 0 ? string.Empty : Unquote(field[(eq + 1)..].Trim());
            if (name.Equals("multicast", StringComparison.OrdinalIgnoreCase))
            {
                multicast = true;
            }
            else if (name.Equals("unicast", StringComparison.OrdinalIgnoreCase))
            {
                multicast = false;
            }
            else if (name.Equals("mode", StringComparison.OrdinalIgnoreCase))
            {
                // GStreamer sends mode=RECORD, RFC 2326 shows mode="PLAY"; "receive" is the old synonym.
                record = value.Equals("record", StringComparison.OrdinalIgnoreCase)
                    || value.Equals("receive", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("interleaved", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryParseRange(value, 255, out var range))
                {
                    return false;
                }

                interleaved = range;
            }
            else if (name.Equals("client_port", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryParseRange(value, 65535, out var range) || range.Item1 == 0)
                {
                    return false;
                }

                clientPort = range;
            }
        }

        if (!tcp && clientPort is null && !record)
        {
            // UDP without client ports cannot be served (we never send to a "destination" parameter).
            return false;
        }

        transport = new RtspTransport(
            tcp,
            multicast,
            interleaved?.Item1,
            interleaved?.Item2,
            clientPort?.Item1,
            clientPort?.Item2,
            record,
            protocol);
        return true;
    }

    private static bool TryParseRange(string value, int max, out (int, int) range)
    {
        range = default;
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? value : value[..dash];
        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var a) || a > max)
        {
            return false;
        }

        var b = a + 1;
        if (dash >= 0 && (!int.TryParse(value[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out b) || b > max))
        {
            return false;
        }

        if (b > max)
        {
            return false;
        }

        range = (a, b);
        return true;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    private static List<string> SplitOutsideQuotes(string value, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '"')
            {
                quoted = !quoted;
            }
            else if (value[i] == separator && !quoted)
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }

        parts.Add(value[start..]);
        parts.RemoveAll(string.IsNullOrWhiteSpace);
        return parts;
    }
}
