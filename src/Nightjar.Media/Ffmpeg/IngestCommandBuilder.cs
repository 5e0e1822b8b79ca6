using System.Globalization;

namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// Builds the recording ingest command of media.md 7.2: pull over RTSP/TCP with a socket timeout,
/// copy the video, and through <c>tee</c> write (a) MPEG-TS segment files flushed per packet and
/// (b) a fifo-wrapped RTSP push into the relay that reconnects by itself.
/// </summary>
public static class IngestCommandBuilder
{
    public static FfmpegCommand Build(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var (source, secrets) = SourceWithCredentials(options);
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-loglevel", options.LogLevel, "-nostats",
            "-progress", "pipe:1", "-stats_period", Seconds(options.ProgressPeriod),
        };

        if (IsRtsp(options.SourceUrl))
        {
            arguments.AddRange(["-rtsp_transport", "tcp", "-timeout", Microseconds(options.SocketTimeout)]);
        }
        else
        {
            arguments.AddRange(["-rw_timeout", Microseconds(options.SocketTimeout)]);
        }

        arguments.AddRange(["-user_agent", options.UserAgent, "-fflags", "+genpts+discardcorrupt"]);
        if (options.UseWallclockTimestamps)
        {
            arguments.AddRange(["-use_wallclock_as_timestamps", "1"]);
        }

        arguments.AddRange(["-i", source, "-map", "0:v:0", "-c:v", "copy"]);
        switch (options.Audio)
        {
            case IngestAudio.CopyAac:
                arguments.AddRange(["-map", "0:a:0?", "-c:a", "copy"]);
                break;
            case IngestAudio.TranscodeToAac:
                arguments.AddRange(["-map", "0:a:0?", "-c:a", "aac", "-b:a", string.Create(CultureInfo.InvariantCulture, $"{options.AacBitrateKbps}k")]);
                break;
            default:
                arguments.Add("-an");
                break;
        }

        // Without this the tee stream gets a coarse time base and the first timestamp-less RTSP
        // packet starts a "Non-monotonous DTS" warning on every frame (measured: 141 lines in 6 s,
        // 1 with it); the demuxer's 90 kHz time base keeps the warning to one line.
        arguments.AddRange(["-copytb", "1"]);

        arguments.AddRange(["-f", "tee", TeeArgument(options)]);
        return new FfmpegCommand(options.FfmpegPath, arguments, secrets);
    }

    private static string TeeArgument(IngestOptions options)
    {
        var formatOptions = TeeEscaping.Dictionary(
        [
            new("flush_packets", "1"), // inside the segment's format options, or a crash loses up to 256 KiB (E3)
            new("mpegts_flags", "+initial_discontinuity"), // back-to-back files read without "Packet corrupt" (E11)
        ]);

        var segment = new List<KeyValuePair<string, string>>
        {
            new("f", "segment"),
            new("segment_time", Seconds(options.SegmentDuration)),
            new("segment_time_delta", "0.05"), // the first RTSP packet has no timestamp (E1)
        };
        if (options.AlignToClock)
        {
            segment.Add(new("segment_atclocktime", "1"));
            segment.Add(new("segment_clocktime_offset", Seconds(options.ClockOffset)));
        }

        segment.AddRange(
        [
            new("strftime", "1"),
            new("segment_format", "mpegts"),
            new("segment_format_options", formatOptions),
            new("segment_list", options.SegmentListPath),
            new("segment_list_type", "csv"),
            new("segment_list_flags", "+live"),
        ]);

        var slaves = TeeEscaping.Slave(segment, Path.Combine(options.SegmentDirectory, options.FilePattern));
        if (options.RelayUrl is { } relay)
        {
            var fifo = TeeEscaping.Dictionary(
            [
                new("attempt_recovery", "1"),
                new("recover_any_error", "1"),
                new("recovery_wait_time", "1"),
                new("drop_pkts_on_overflow", "1"),
                new("restart_with_keyframe", "1"),
            ]);

            // onfail=ignore keeps recording when the relay is down; the fifo brings the push back (E7).
            slaves += "|" + TeeEscaping.Slave(
                [new("f", "rtsp"), new("rtsp_transport", "tcp"), new("onfail", "ignore"), new("use_fifo", "1"), new("fifo_options", fifo)],
                relay.OriginalString);
        }

        return slaves;
    }

    private static void Validate(IngestOptions options)
    {
        if (!options.SourceUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The source URL must be absolute.", nameof(options));
        }

        if (!Path.IsPathFullyQualified(options.SegmentDirectory))
        {
            throw new ArgumentException("The segment directory must be an absolute path.", nameof(options));
        }

        // strftime=1 expands '%' anywhere in the path, and tee cannot carry ']' or control characters.
        if (options.SegmentDirectory.IndexOfAny(['%', ']', '\n', '\r', '\0']) >= 0)
        {
            throw new ArgumentException("The segment directory cannot contain '%', ']' or control characters.", nameof(options));
        }

        if (options.SegmentDuration < TimeSpan.FromSeconds(1)
            || (options.AlignToClock && (options.ClockOffset < TimeSpan.Zero || options.ClockOffset >= options.SegmentDuration)))
        {
            throw new ArgumentException("The segment duration must be at least 1 s and the clock offset within it.", nameof(options));
        }

        if (options.SocketTimeout <= TimeSpan.Zero || options.ProgressPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("The socket timeout and the progress period must be positive.", nameof(options));
        }

        if (options.RelayUrl is { } relay && (!relay.IsAbsoluteUri || !IsRtsp(relay) || !string.IsNullOrEmpty(relay.UserInfo)))
        {
            throw new ArgumentException("The relay URL must be an absolute rtsp:// URL without credentials.", nameof(options));
        }

        if (options.AacBitrateKbps is < 8 or > 512)
        {
            throw new ArgumentException("The AAC bit rate must be within 8-512 kbit/s.", nameof(options));
        }
    }

    private static (string Url, string[] Secrets) SourceWithCredentials(IngestOptions options)
    {
        var url = options.SourceUrl;
        if (options.Credentials is not { } credentials)
        {
            var inline = Uri.UnescapeDataString(url.UserInfo);
            var password = inline.Contains(':', StringComparison.Ordinal) ? inline[(inline.IndexOf(':', StringComparison.Ordinal) + 1)..] : string.Empty;
            return (url.OriginalString, password.Length > 0 ? [password, url.UserInfo] : []);
        }

        // Percent-encode user and password: ':' '@' '/' in a password would otherwise break the URL.
        var user = Uri.EscapeDataString(credentials.User);
        var pass = Uri.EscapeDataString(credentials.Password);
        var builder = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty };
        var bare = builder.Uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);
        var schemeEnd = bare.IndexOf("://", StringComparison.Ordinal) + 3;
        var withCredentials = bare[..schemeEnd] + user + ":" + pass + "@" + bare[schemeEnd..];
        return (withCredentials, [credentials.Password, pass]);
    }

    private static bool IsRtsp(Uri url) =>
        url.Scheme.Equals("rtsp", StringComparison.OrdinalIgnoreCase) || url.Scheme.Equals("rtsps", StringComparison.OrdinalIgnoreCase);

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Microseconds(TimeSpan value) => ((long)value.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
}
