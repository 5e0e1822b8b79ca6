using Nightjar.Media.Ts;

namespace Nightjar.Media.Segments;

/// <summary>One recording file and its GOP index: what a recorder reports when it closes a segment.</summary>
/// <param name="Path">Path relative to the storage root ('/'-separated, see <see cref="SegmentPathScheme"/>).</param>
/// <param name="RunId">The ingest run that wrote it (a new run after every restart).</param>
/// <param name="Start">Wall-clock time of the first keyframe.</param>
/// <param name="End">Wall-clock time of the end of the last frame.</param>
/// <param name="Bytes">File length (whole packets).</param>
/// <param name="Codec">Video codec.</param>
/// <param name="Gops">GOP index in file order; PTS in 90 kHz units.</param>
public sealed record SegmentInfo(
    string Path,
    string RunId,
    DateTimeOffset Start,
    DateTimeOffset End,
    long Bytes,
    TsVideoCodec Codec,
    IReadOnlyList<GopEntry> Gops)
{
    public TimeSpan Duration => End - Start;

    /// <summary>
    /// Builds the record of a closed file from its completed index; <paramref name="start"/> is the
    /// wall time of its first keyframe (the recorder's anchor), the end follows from the PTS span.
    /// </summary>
    public static SegmentInfo FromIndex(string path, string runId, DateTimeOffset start, TsFileIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var gops = index.AllGops;
        return new SegmentInfo(path, runId, start, start + index.DurationTime, index.IndexedLength, index.Codec, gops);
    }

    /// <summary>Wall-clock start of GOP <paramref name="gop"/> of this segment.</summary>
    public DateTimeOffset GopStart(GopEntry gop) =>
        Gops.Count == 0 ? Start : Start + GopEntry.FromClock(gop.Pts - Gops[0].Pts);
}
