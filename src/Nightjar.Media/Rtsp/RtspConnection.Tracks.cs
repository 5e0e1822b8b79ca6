using System.Globalization;
using System.Text;

namespace Nightjar.Media.Rtsp;

/// <summary>Helpers of the reader side: track controls, interleaved channels, RTP-Info and base URLs.</summary>
internal sealed partial class RtspConnection
{
    private static string RtpInfo(RtspSession session, RtpStartPoint?[] starts)
    {
        var info = new StringBuilder();
        for (var i = 0; i < session.Tracks.Length; i++)
        {
            if (session.Tracks[i] is not { } track)
            {
                continue;
            }

            if (info.Length > 0)
            {
                info.Append(',');
            }

            info.Append("url=").Append(track.SetupUrl);
            if (starts[i] is { } start)
            {
                info.Append(";seq=").Append(start.Sequence.ToString(CultureInfo.InvariantCulture))
                    .Append(";rtptime=").Append(start.Timestamp.ToString(CultureInfo.InvariantCulture));
            }
        }

        return info.ToString();
    }

    /// <summary><c>trackID=N</c> (ours), <c>streamid=N</c> or any <c>x=N</c>; a bare base URL means track 0 (VLC's fallback).</summary>
    private static int ResolveReaderTrack(string? control, int trackCount)
    {
        if (control is null)
        {
            return trackCount > 0 ? 0 : -1;
        }

        var eq = control.LastIndexOf('=');
        return eq >= 0
            && int.TryParse(control.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < trackCount ? index : -1;
    }

    private int FreeChannelPair(int track)
    {
        for (var channel = track * 2; channel < 254; channel += 2)
        {
            if (!ChannelInUse(channel) && !ChannelInUse(channel + 1))
            {
                return channel;
            }
        }

        return -1;
    }

    private bool ChannelInUse(int channel)
    {
        lock (_sessions)
        {
            foreach (var session in _sessions)
            {
                foreach (var track in session.Tracks)
                {
                    if (track is { Transport.IsTcp: true } && (track.Transport.InterleavedRtp == channel || track.Transport.InterleavedRtcp == channel))
                    {
                        return true;
                    }
                }
            }
        }

        return _channelTrack[channel] >= 0;
    }

    /// <summary>The request URL without query or trailing slash; absolute even when the client sent only a path.</summary>
    private string BaseUrl(string requestUri, string pathName)
    {
        if (requestUri.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase))
        {
            var schemeEnd = requestUri.IndexOf("://", StringComparison.Ordinal) + 3;
            var slash = requestUri.IndexOf('/', schemeEnd);
            var authority = slash < 0 ? requestUri : requestUri[..slash];
            return authority + "/" + pathName;
        }

        var local = _context.LocalEndPoint;
        return string.Create(CultureInfo.InvariantCulture, $"rtsp://{local?.Address}:{local?.Port}/{pathName}");
    }
}
