namespace Nightjar.Server.Configuration;

/// <summary>How cameras are recorded: segment length and the ffmpeg used for ingest.</summary>
internal sealed class RecordingOptions : INightjarOptions
{
    public static string SectionName => "Recording";

    /// <summary>Length of one recording file (an MPEG-TS segment, cut on a keyframe). 60 s suits retention and the index.</summary>
    public int SegmentSeconds { get; set; } = 60;

    /// <summary>The ffmpeg executable (a name on PATH or a full path).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Seconds without progress from a camera before its ingest is restarted (a stalled camera).</summary>
    public int StallTimeoutSeconds { get; set; } = 10;

    public void Validate(ConfigurationErrorCollector errors)
    {
        errors.Range(nameof(SegmentSeconds), SegmentSeconds, 1, 600);
        errors.Range(nameof(StallTimeoutSeconds), StallTimeoutSeconds, 2, 300);
        if (string.IsNullOrWhiteSpace(FfmpegPath))
        {
            errors.Add(nameof(FfmpegPath), "must name the ffmpeg executable");
        }
    }
}
