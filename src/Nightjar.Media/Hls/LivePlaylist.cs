using System.Buffers;
using Nightjar.Media.Ts;

namespace Nightjar.Media.Hls;

/// <summary>The live media playlist (<c>index.m3u8</c>) of a window of chunks. A pure function.</summary>
public static class LivePlaylist
{
    /// <param name="chunks">A window from <see cref="LiveChunkWindow.Chunks"/> (consecutive sequence numbers).</param>
    /// <param name="addressing">How chunks are addressed.</param>
    /// <param name="targetDuration">
    /// The configured longest GOP in seconds: a live playlist keeps its target duration constant,
    /// so it is only raised when a chunk in the window is longer.
    /// </param>
    public static HlsPlaylist Build(IReadOnlyList<HlsLiveChunk> chunks, HlsChunkAddressing addressing, int targetDuration)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(addressing);
        long maxDuration = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            maxDuration = Math.Max(maxDuration, chunks[i].Chunk.Duration);
            if (i > 0 && chunks[i].Sequence != chunks[i - 1].Sequence + 1)
            {
                throw new ArgumentException("Live chunks must have consecutive sequence numbers.", nameof(chunks));
            }
        }

        var buffer = new ArrayBufferWriter<byte>(256 + (chunks.Count * 160));
        var writer = new HlsPlaylistWriter(buffer, addressing);
        var target = HlsPlaylistWriter.TargetDurationOf(maxDuration, targetDuration);
        var first = chunks.Count > 0 ? chunks[0] : null;
        writer.Header(target, first?.Sequence ?? 0, first?.DiscontinuitySequence ?? 0, playlistType: null);
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];

            // The first entry's discontinuity is already counted in EXT-X-DISCONTINUITY-SEQUENCE.
            writer.Chunk(i > 0 && chunk.Discontinuity, chunk.Start, chunk.SegmentKey, chunk.RunId, chunk.Chunk);
        }

        return new HlsPlaylist(buffer.WrittenMemory, writer.ChunkCount, GopEntry.FromClock(writer.Duration), target);
    }
}
