using Nightjar.Media.Hls;

namespace Nightjar.Server.Tests.Playback;

/// <summary>The recording files of one stream, oldest first.</summary>
internal sealed class StreamRecording(IReadOnlyList<RecordedFile> files)
{
    public IReadOnlyList<RecordedFile> Files { get; } = files;

    /// <summary>Whether the stream is being recorded now (has a live window).</summary>
    public bool Live { get; init; } = true;

    public int LiveCapacity { get; init; } = 10;

    /// <summary>Which file the newest keyframe is taken from, counted from the end (tests move it to show a new keyframe).</summary>
    public int LatestFromEnd { get; set; }

    public IEnumerable<HlsSegment> Segments => Files.Select(f => f.Segment);
}
