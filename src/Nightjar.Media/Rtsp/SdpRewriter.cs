using System.Globalization;
using System.Text;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// Builds the SDP we give readers from the publisher's: media kept as announced (rtpmap, fmtp with
/// sprop-parameter-sets, AAC config), controls replaced by <c>trackID=N</c>, session lines normalised.
/// </summary>
internal static class SdpRewriter
{
    /// <param name="document">The publisher's SDP.</param>
    /// <param name="sessionName">Goes into <c>s=</c>.</param>
    /// <param name="extraFmtp">Per track, parameters to append when the fmtp lacks them (e.g. in-band SPS/PPS learned later).</param>
    public static string ForReaders(SdpDocument document, string sessionName, Func<int, string?>? extraFmtp = null)
    {
        var sdp = new StringBuilder(512);
        sdp.Append("v=0\r\n");
        sdp.Append("o=- 0 0 IN IP4 127.0.0.1\r\n");
        sdp.Append("s=").Append(SafeLine(sessionName)).Append("\r\n");
        sdp.Append("c=IN IP4 0.0.0.0\r\n");
        sdp.Append("t=0 0\r\n");
        sdp.Append("a=control:*\r\n");
        sdp.Append("a=range:npt=now-\r\n");
        for (var index = 0; index < document.Media.Count; index++)
        {
            var media = document.Media[index];
            sdp.Append(media.MediaLine).Append("\r\n");
            var extra = extraFmtp?.Invoke(index);
            var fmtpPrefix = "a=fmtp:" + media.PayloadType.ToString(CultureInfo.InvariantCulture) + " ";
            var wroteFmtp = false;
            foreach (var line in media.Lines)
            {
                if (IsDropped(line))
                {
                    continue;
                }

                if (extra is not null && !wroteFmtp && line.StartsWith(fmtpPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    sdp.Append(line).Append(';').Append(extra).Append("\r\n");
                    wroteFmtp = true;
                    continue;
                }

                sdp.Append(line).Append("\r\n");
            }

            if (extra is not null && !wroteFmtp)
            {
                sdp.Append("a=fmtp:").Append(media.PayloadType.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(extra).Append("\r\n");
            }

            sdp.Append("a=control:").Append(TrackControl(index)).Append("\r\n");
        }

        return sdp.ToString();
    }

    public static string TrackControl(int index) => "trackID=" + index.ToString(CultureInfo.InvariantCulture);

    private static bool IsDropped(string line) =>
        line.StartsWith("a=control:", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("a=ssrc", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("a=tool:", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("a=range:", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("a=sendonly", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("a=recvonly", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("c=", StringComparison.Ordinal);

    private static string SafeLine(string value)
    {
        var safe = value.Replace('\r', ' ').Replace('\n', ' ');
        return safe.Length == 0 ? "Nightjar" : safe;
    }
}
