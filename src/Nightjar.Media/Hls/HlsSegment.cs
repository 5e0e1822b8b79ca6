using Nightjar.Media.Ts;

namespace Nightjar.Media.Hls;

/// <summary>
/// One recording file as the playlist builders see it: its chunks (GOPs) and the run that wrote it.
/// This is the input abstraction of <see cref="ArchivePlaylist"/>: the server fills it from its
/// index, never from a directory scan.
/// </summary>
/// <param name="Key">Opaque id of the file, handed back to the URI callback (a file id or a relative path).</param>
/// <param name="RunId">The ingest run; a change of run is a discontinuity.</param>
/// <param name="Start">Wall-clock time of the first chunk's keyframe.</param>
/// <param name="Chunks">Complete chunks in file order (PTS and durations in 90 kHz units).</param>
public sealed record HlsSegment(string Key, string RunId, DateTimeOffset Start, IReadOnlyList<GopEntry> Chunks)
{
    /// <summary>Wall-clock start of <paramref name="chunk"/>: the file start plus its PTS distance from the first chunk.</summary>
    public DateTimeOffset ChunkStart(GopEntry chunk) =>
        Chunks.Count == 0 ? Start : Start + GopEntry.FromClock(chunk.Pts - Chunks[0].Pts);
}
