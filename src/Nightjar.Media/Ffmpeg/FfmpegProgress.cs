namespace Nightjar.Media.Ffmpeg;

/// <summary>One <c>-progress</c> block of ffmpeg (written every <c>-stats_period</c>).</summary>
/// <param name="Frame">Video frames written so far.</param>
/// <param name="Fps">Frames per second over the run.</param>
/// <param name="BitrateKbps">Output bit rate, when ffmpeg knows it.</param>
/// <param name="TotalSize">Bytes written to the output, when ffmpeg knows it.</param>
/// <param name="OutTime">Media time written so far, when known.</param>
/// <param name="DupFrames">Frames duplicated.</param>
/// <param name="DropFrames">Frames dropped.</param>
/// <param name="Speed">Media time over wall time (1.0 = real time), when known.</param>
/// <param name="IsEnd">The last block: ffmpeg is finishing.</param>
public sealed record FfmpegProgress(
    long Frame,
    double Fps,
    double? BitrateKbps,
    long? TotalSize,
    TimeSpan? OutTime,
    long DupFrames,
    long DropFrames,
    double? Speed,
    bool IsEnd);
