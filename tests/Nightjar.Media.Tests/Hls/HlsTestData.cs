using Nightjar.Media.Hls;
using Nightjar.Media.Ts;

namespace Nightjar.Media.Tests.Hls;

/// <summary>Synthetic recordings: files of N one-second GOPs with made-up byte ranges.</summary>
internal static class HlsTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static HlsSegment Segment(string key, string run, DateTimeOffset start, int gops, long gopDuration = GopEntry.ClockRate, long firstPts = 126_000)
    {
        var chunks = new GopEntry[gops];
        for (var i = 0; i < gops; i++)
        {
            chunks[i] = new GopEntry(i * 188L * 100, 188L * 100, firstPts + (i * gopDuration), gopDuration);
        }

        return new HlsSegment(key, run, start, chunks);
    }

    public static HlsChunkAddressing ByteRanges(List<string>? calls = null) =>
        HlsChunkAddressing.ByteRanges(c =>
        {
            calls?.Add(c.SegmentKey);
            return $"/cam/f/{c.SegmentKey}.ts";
        });

    public static string[] Lines(HlsPlaylist playlist) => playlist.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
