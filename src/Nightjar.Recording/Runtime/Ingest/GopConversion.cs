using Nightjar.Recording.Events;
using MediaGop = Nightjar.Media.Ts.GopEntry;

namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>Between the TS indexer's GOP list (absolute PTS) and the journal's compact <see cref="GopIndex"/> (times from the first keyframe).</summary>
internal static class GopConversion
{
    /// <summary>The index of a file's GOPs (in file order, contiguous as the indexer reports them).</summary>
    public static GopIndex ToIndex(IReadOnlyList<MediaGop> gops)
    {
        ArgumentNullException.ThrowIfNull(gops);
        if (gops.Count == 0)
        {
            return GopIndex.Empty;
        }

        var first = gops[0].Pts;
        var entries = new Events.GopEntry[gops.Count];
        for (var i = 0; i < gops.Count; i++)
        {
            // A PTS that steps back (a camera clock jump inside a file) is clamped: times must not decrease.
            var clock = Math.Max(gops[i].Pts - first, i == 0 ? 0 : entries[i - 1].ClockOffset);
            entries[i] = new Events.GopEntry(gops[i].Offset, clock);
        }

        var last = gops[^1];
        var end = Math.Max(entries[^1].ClockOffset + last.Duration, entries[^1].ClockOffset);
        return GopIndex.Create(entries, end);
    }

    /// <summary>The chunks of an indexed file for HLS: PTS counted from the file's first keyframe.</summary>
    public static IReadOnlyList<MediaGop> ToChunks(GopIndex index, long fileBytes)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.Count == 0)
        {
            return [];
        }

        return [.. index.Chunks(fileBytes).Select(c => new MediaGop(c.Offset, c.Length, c.ClockStart, c.ClockDuration))];
    }
}
