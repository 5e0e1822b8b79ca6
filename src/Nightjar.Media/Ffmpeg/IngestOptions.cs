using Nightjar.Media.Segments;

namespace Nightjar.Media.Ffmpeg;

/// <summary>One recording ingest run: where to pull from, where the segments go, where to push (media.md 7.2).</summary>
public sealed record IngestOptions
{
    /// <summary>The source URL, normally <c>rtsp://host/path</c>; credentials go in <see cref="Credentials"/>.</summary>
    public required Uri SourceUrl { get; init; }

    /// <summary>User and password, percent-encoded into the URL by the builder; null when the URL needs none.</summary>
    public SourceCredentials? Credentials { get; init; }

    /// <summary>Absolute run directory that receives the segment files and <c>segments.csv</c>; it must exist.</summary>
    public required string SegmentDirectory { get; init; }

    /// <summary>Segment length (ffmpeg cuts at the first keyframe after it). 60 s in production.</summary>
    public TimeSpan SegmentDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Cut at wall-clock multiples of the segment duration (plus <see cref="ClockOffset"/>).</summary>
    public bool AlignToClock { get; init; } = true;

    /// <summary>Staggers the cuts of different streams so they do not all rotate in the same second.</summary>
    public TimeSpan ClockOffset { get; init; } = TimeSpan.Zero;

    /// <summary>RTSP socket I/O timeout. Without one a stalled source hangs ffmpeg forever (media.md E4).</summary>
    public TimeSpan SocketTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public IngestAudio Audio { get; init; } = IngestAudio.Drop;

    /// <summary>Bit rate of the AAC encoder when <see cref="Audio"/> is <see cref="IngestAudio.TranscodeToAac"/>.</summary>
    public int AacBitrateKbps { get; init; } = 32;

    /// <summary>The relay URL to push into (RTSP over TCP, through the fifo muxer); null records only.</summary>
    public Uri? RelayUrl { get; init; }

    /// <summary>Per-source override for sources with broken RTP timestamps; gives irregular segments otherwise (media.md E2).</summary>
    public bool UseWallclockTimestamps { get; init; }

    /// <summary>How often ffmpeg writes a progress block on stdout: the supervisor's heartbeat.</summary>
    public TimeSpan ProgressPeriod { get; init; } = TimeSpan.FromSeconds(1);

    public string UserAgent { get; init; } = "nightjar/1.0";

    /// <summary>The ffmpeg executable.</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>ffmpeg's <c>-loglevel</c>; stderr is kept as the last error lines.</summary>
    public string LogLevel { get; init; } = "warning";

    /// <summary>Segment file name pattern inside the run directory (strftime, see <see cref="SegmentPathScheme"/>).</summary>
    public string FilePattern { get; init; } = SegmentPathScheme.FfmpegFilePattern;

    /// <summary>Path of ffmpeg's CSV list of closed segments: the supervisor learns of closed files from it.</summary>
    public string SegmentListPath => Path.Combine(SegmentDirectory, SegmentPathScheme.SegmentListFileName);
}
