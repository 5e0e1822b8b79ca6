using System.Buffers;
using Nightjar.Media.Ts;

namespace Nightjar.Media.Hls;

/// <summary>
/// Archive playlists over a time range (Flussonic's <c>index-{from}-{duration}.m3u8</c> and
/// <c>index-{from}-now.m3u8</c>): one playlist entry per chunk whose time overlaps the range, so
/// playback starts at the keyframe at or before <c>from</c>; discontinuities at gaps and run changes.
/// Pure functions of their input.
/// </summary>
public static class ArchivePlaylist
{
    /// <summary>A VOD playlist (<c>PLAYLIST-TYPE:VOD</c>, <c>ENDLIST</c>) of the chunks overlapping [from, to).</summary>
    /// <param name="segments">The recording files of the stream, in time order.</param>
    /// <param name="from">Start of the range.</param>
    /// <param name="to">End of the range (exclusive).</param>
    /// <param name="options">Addressing and discontinuity settings.</param>
    public static HlsPlaylist BuildVod(IReadOnlyList<HlsSegment> segments, DateTimeOffset from, DateTimeOffset to, ArchivePlaylistOptions options)
    {
        if (to <= from)
        {
            throw new ArgumentException("The range must end after it starts.", nameof(to));
        }

        return Build(segments, from, to, options, endList: true);
    }

    /// <summary>
    /// An EVENT playlist (no <c>ENDLIST</c>) from <paramref name="from"/> to the newest complete
    /// chunk; later requests list the same entries plus new ones, as RFC 8216 requires of EVENT.
    /// </summary>
    public static HlsPlaylist BuildEvent(IReadOnlyList<HlsSegment> segments, DateTimeOffset from, ArchivePlaylistOptions options) =>
        Build(segments, from, DateTimeOffset.MaxValue, options, endList: false);

    private static HlsPlaylist Build(IReadOnlyList<HlsSegment> segments, DateTimeOffset from, DateTimeOffset to, ArchivePlaylistOptions options, bool endList)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(options);

        // First pass: the target duration must be written before the first chunk.
        long maxDuration = 0;
        var previousStart = DateTimeOffset.MinValue;
        foreach (var segment in segments)
        {
            if (segment.Start < previousStart)
            {
                throw new ArgumentException("Segments must be in time order.", nameof(segments));
            }

            previousStart = segment.Start;
            foreach (var chunk in Overlapping(segment, from, to))
            {
                maxDuration = Math.Max(maxDuration, chunk.Duration);
            }
        }

        var buffer = new ArrayBufferWriter<byte>(EstimateSize(segments, from, to));
        var writer = new HlsPlaylistWriter(buffer, options.Addressing);
        var target = HlsPlaylistWriter.TargetDurationOf(maxDuration, options.MinTargetDuration);
        writer.Header(target, mediaSequence: 0, discontinuitySequence: 0, endList ? "VOD" : "EVENT");

        string? previousRun = null;
        var previousEnd = DateTimeOffset.MinValue;
        var gapTicks = options.GapTolerance.Ticks;
        foreach (var segment in segments)
        {
            foreach (var chunk in Overlapping(segment, from, to))
            {
                var start = segment.ChunkStart(chunk);
                var discontinuity = previousRun is not null
                    && (!string.Equals(previousRun, segment.RunId, StringComparison.Ordinal)
                        || Math.Abs((start - previousEnd).Ticks) > gapTicks);
                writer.Chunk(discontinuity, start, segment.Key, segment.RunId, chunk);
                previousRun = segment.RunId;
                previousEnd = start + chunk.DurationTime;
            }
        }

        if (endList)
        {
            writer.EndList();
        }

        return new HlsPlaylist(buffer.WrittenMemory, writer.ChunkCount, GopEntry.FromClock(writer.Duration), target);
    }

    private static IEnumerable<GopEntry> Overlapping(HlsSegment segment, DateTimeOffset from, DateTimeOffset to)
    {
        if (segment.Start >= to || segment.Chunks.Count == 0)
        {
            yield break;
        }

        foreach (var chunk in segment.Chunks)
        {
            var start = segment.ChunkStart(chunk);
            if (start >= to)
            {
                yield break;
            }

            if (start + chunk.DurationTime > from)
            {
                yield return chunk;
            }
        }
    }

    private static int EstimateSize(IReadOnlyList<HlsSegment> segments, DateTimeOffset from, DateTimeOffset to)
    {
        long chunks = 0;
        foreach (var segment in segments)
        {
            if (segment.Start < to && segment.Start >= from.AddHours(-1))
            {
                chunks += segment.Chunks.Count;
            }
        }

        // About 170 bytes per chunk (PDT, EXTINF, BYTERANGE and a URI with a token): one buffer, no regrowth.
        return (int)Math.Clamp((chunks * 170) + 256, 256, Array.MaxLength / 2);
    }
}
