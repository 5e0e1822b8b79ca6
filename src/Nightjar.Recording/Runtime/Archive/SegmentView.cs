using Nightjar.Media.Hls;

namespace Nightjar.Recording.Runtime.Archive;

/// <summary>
/// A recording file as playback sees it, from the index or from a stream's memory: its HLS chunks (complete GOPs
/// only) and the time it covers.
/// </summary>
/// <param name="Path">Relative to the storage root.</param>
/// <param name="Segment">Its chunks; <see cref="HlsSegment.Key"/> is the <see cref="SegmentKey"/>.</param>
/// <param name="End">Where its media ends (for an open file: the newest frame written so far).</param>
internal sealed record SegmentView(string Path, HlsSegment Segment, DateTimeOffset End)
{
    public string Key => Segment.Key;

    public DateTimeOffset Start => Segment.Start;
}
