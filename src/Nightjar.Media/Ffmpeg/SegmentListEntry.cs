namespace Nightjar.Media.Ffmpeg;

/// <summary>One closed segment from ffmpeg's CSV segment list.</summary>
/// <param name="FileName">File name as ffmpeg wrote it (relative to the list's directory).</param>
/// <param name="Start">Start in the run's media time.</param>
/// <param name="End">End in the run's media time.</param>
public sealed record SegmentListEntry(string FileName, TimeSpan Start, TimeSpan End)
{
    public TimeSpan Duration => End - Start;
}
