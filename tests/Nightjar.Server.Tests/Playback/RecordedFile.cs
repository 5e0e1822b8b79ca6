using Nightjar.Media.Hls;
using Nightjar.Media.Ts;

namespace Nightjar.Server.Tests.Playback;

/// <summary>One recording file: its index as playlists see it, where it lies under the root, and whether it is closed.</summary>
internal sealed record RecordedFile(HlsSegment Segment, string RelativePath, bool Closed)
{
    public DateTimeOffset End => Segment.Start + GopEntry.FromClock(Segment.Chunks.Sum(c => c.Duration));

    public long Bytes => Segment.Chunks.Count == 0 ? 0 : Segment.Chunks[^1].End;
}
