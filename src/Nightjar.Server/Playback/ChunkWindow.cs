using Nightjar.Media.Hls;
using Nightjar.Media.Ts;

namespace Nightjar.Server.Playback;

/// <summary>
/// Which chunks a range <c>[from, to)</c> takes, the same rule as Media's <see cref="ArchivePlaylist"/>: every
/// chunk whose time overlaps the range, so playback and exports start at the keyframe at or before <c>from</c>.
/// </summary>
internal static class ChunkWindow
{
    /// <summary>Whether any chunk of the segment can lie in a range ending at <paramref name="to"/>.</summary>
    public static bool MayOverlap(HlsSegment segment, DateTimeOffset to) => segment.Start < to && segment.Chunks.Count > 0;

    /// <summary>-1 when the chunk ends at or before <paramref name="from"/>, 0 when it overlaps, 1 when it starts at or after <paramref name="to"/>.</summary>
    public static int Position(HlsSegment segment, GopEntry chunk, DateTimeOffset from, DateTimeOffset to)
    {
        var start = segment.ChunkStart(chunk);
        if (start >= to)
        {
            return 1;
        }

        return start + chunk.DurationTime > from ? 0 : -1;
    }
}
