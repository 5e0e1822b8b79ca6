using Nightjar.Media.Hls;
using static Nightjar.Media.Tests.Hls.HlsTestData;

namespace Nightjar.Media.Tests.Hls;

public sealed class ArchivePlaylistTests
{
    private static readonly List<HlsSegment> ThreeFiles =
    [
        Segment("a", "r1", T0, 4),
        Segment("b", "r1", T0.AddSeconds(4), 4, firstPts: 126_000 + (4 * 90_000)),
        Segment("c", "r1", T0.AddSeconds(8), 4, firstPts: 126_000 + (8 * 90_000)),
    ];

    [Fact]
    public void BuildVod_WholeRange_ListsEveryChunkWithByteRangesAndEndList()
    {
        var playlist = ArchivePlaylist.BuildVod(ThreeFiles, T0, T0.AddSeconds(12), new() { Addressing = ByteRanges() });

        var lines = Lines(playlist);
        lines[0].Should().Be("#EXTM3U");
        lines.Should().Contain("#EXT-X-VERSION:4", "EXT-X-BYTERANGE needs version 4");
        lines.Should().Contain("#EXT-X-TARGETDURATION:1");
        lines.Should().Contain("#EXT-X-MEDIA-SEQUENCE:0");
        lines.Should().Contain("#EXT-X-PLAYLIST-TYPE:VOD");
        lines[^1].Should().Be("#EXT-X-ENDLIST");
        lines.Should().NotContain("#EXT-X-DISCONTINUITY");
        playlist.ChunkCount.Should().Be(12);
        playlist.Duration.Should().Be(TimeSpan.FromSeconds(12));
        lines.Count(l => l == "#EXTINF:1.000,").Should().Be(12);
        lines.Should().Contain("#EXT-X-BYTERANGE:18800@37600");
        lines.Count(l => l == "/cam/f/b.ts").Should().Be(4);
    }

    [Fact]
    public void BuildVod_ProgramDateTime_IsUtcWithZOnEveryChunk()
    {
        var shifted = new List<HlsSegment> { Segment("a", "r1", T0.ToOffset(TimeSpan.FromHours(2)), 2) };

        var playlist = ArchivePlaylist.BuildVod(shifted, T0, T0.AddSeconds(2), new() { Addressing = ByteRanges() });

        Lines(playlist).Where(l => l.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal))
            .Should().Equal("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T12:00:00.000Z", "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T12:00:01.000Z");
        playlist.Text.Should().NotContain("+0000").And.NotContain("+02:00");
    }

    [Fact]
    public void BuildVod_RangeInsideChunks_StartsAtTheKeyframeBeforeFrom()
    {
        var playlist = ArchivePlaylist.BuildVod(ThreeFiles, T0.AddSeconds(5.5), T0.AddSeconds(7.2), new() { Addressing = ByteRanges() });

        playlist.ChunkCount.Should().Be(3, "chunks 5-6, 6-7 and 7-8 overlap [5.5, 7.2)");
        Lines(playlist).First(l => l.StartsWith("#EXT-X-PROGRAM-DATE-TIME", StringComparison.Ordinal))
            .Should().EndWith("12:00:05.000Z");
    }

    [Fact]
    public void BuildVod_GapBetweenFiles_MarksADiscontinuity()
    {
        List<HlsSegment> withGap =
        [
            Segment("a", "r1", T0, 2),
            Segment("b", "r1", T0.AddSeconds(10), 2),
        ];

        var lines = Lines(ArchivePlaylist.BuildVod(withGap, T0, T0.AddMinutes(1), new() { Addressing = ByteRanges() }));

        lines.Count(l => l == "#EXT-X-DISCONTINUITY").Should().Be(1);
        var index = Array.IndexOf(lines, "#EXT-X-DISCONTINUITY");
        lines[index + 1].Should().Be("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T12:00:10.000Z");
    }

    [Fact]
    public void BuildVod_RunChangeWithoutGap_MarksADiscontinuity()
    {
        List<HlsSegment> twoRuns =
        [
            Segment("a", "r1", T0, 2),
            Segment("b", "r2", T0.AddSeconds(2), 2, firstPts: 7),
        ];

        var lines = Lines(ArchivePlaylist.BuildVod(twoRuns, T0, T0.AddMinutes(1), new() { Addressing = ByteRanges() }));

        lines.Count(l => l == "#EXT-X-DISCONTINUITY").Should().Be(1);
    }

    [Fact]
    public void BuildVod_SmallJitterBetweenFiles_IsNotADiscontinuity()
    {
        List<HlsSegment> jitter =
        [
            Segment("a", "r1", T0, 2),
            Segment("b", "r1", T0.AddSeconds(2.2), 2),
        ];

        var lines = Lines(ArchivePlaylist.BuildVod(jitter, T0, T0.AddMinutes(1), new() { Addressing = ByteRanges() }));

        lines.Should().NotContain("#EXT-X-DISCONTINUITY");
    }

    [Fact]
    public void BuildVod_TargetDuration_IsTheLongestChunkRoundedUp()
    {
        List<HlsSegment> longGops = [Segment("a", "r1", T0, 2, gopDuration: 2 * 90_000 + 9_000)];

        var playlist = ArchivePlaylist.BuildVod(longGops, T0, T0.AddMinutes(1), new() { Addressing = ByteRanges() });

        playlist.TargetDuration.Should().Be(3);
        Lines(playlist).Should().Contain("#EXT-X-TARGETDURATION:3").And.Contain("#EXTINF:2.100,");
    }

    [Fact]
    public void BuildEvent_GrowingRange_HasEventTypeNoEndListAndStablePrefix()
    {
        var options = new ArchivePlaylistOptions { Addressing = ByteRanges(), MinTargetDuration = 2 };
        var early = ArchivePlaylist.BuildEvent(ThreeFiles.Take(2).ToList(), T0.AddSeconds(1), options);
        var later = ArchivePlaylist.BuildEvent(ThreeFiles, T0.AddSeconds(1), options);

        Lines(early).Should().Contain("#EXT-X-PLAYLIST-TYPE:EVENT").And.NotContain("#EXT-X-ENDLIST");
        Lines(early).Should().Contain("#EXT-X-TARGETDURATION:2");
        later.Text.Should().StartWith(early.Text, "an EVENT playlist only ever appends");
        later.ChunkCount.Should().Be(11);
    }

    [Fact]
    public void BuildVod_ChunkUris_CallsTheCallbackPerChunkWithTheToken()
    {
        var addressing = HlsChunkAddressing.ChunkUris(c => HlsUri.WithQuery($"/cam/c/{c.SegmentKey}/{c.Offset}-{c.Length}.ts", "token", "t0k en"));

        var lines = Lines(ArchivePlaylist.BuildVod(ThreeFiles, T0, T0.AddSeconds(2), new() { Addressing = addressing }));

        lines.Should().Contain("#EXT-X-VERSION:3");
        lines.Should().NotContain(l => l.StartsWith("#EXT-X-BYTERANGE", StringComparison.Ordinal));
        lines.Where(l => l.StartsWith('/')).Should().Equal("/cam/c/a/0-18800.ts?token=t0k%20en", "/cam/c/a/18800-18800.ts?token=t0k%20en");
    }

    [Fact]
    public void BuildVod_ByteRanges_CallsTheCallbackOncePerFile()
    {
        var calls = new List<string>();

        ArchivePlaylist.BuildVod(ThreeFiles, T0, T0.AddSeconds(12), new() { Addressing = ByteRanges(calls) });

        calls.Should().Equal("a", "b", "c");
    }

    [Fact]
    public void BuildVod_EmptyRange_HasNoChunks()
    {
        var playlist = ArchivePlaylist.BuildVod(ThreeFiles, T0.AddHours(1), T0.AddHours(2), new() { Addressing = ByteRanges() });

        playlist.ChunkCount.Should().Be(0);
        Lines(playlist)[^1].Should().Be("#EXT-X-ENDLIST");
    }

    [Fact]
    public void BuildVod_SegmentsOutOfOrder_Throws()
    {
        List<HlsSegment> reversed = [ThreeFiles[1], ThreeFiles[0]];

        var act = () => ArchivePlaylist.BuildVod(reversed, T0, T0.AddSeconds(12), new() { Addressing = ByteRanges() });

        act.Should().Throw<ArgumentException>().WithMessage("*time order*");
    }

    [Fact]
    public void BuildVod_EmptyOrBackwardRange_Throws()
    {
        var act = () => ArchivePlaylist.BuildVod(ThreeFiles, T0, T0, new() { Addressing = ByteRanges() });

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void BuildVod_UriWithNewline_IsRefused()
    {
        var addressing = HlsChunkAddressing.ByteRanges(_ => "/x.ts\n#EXT-X-ENDLIST");

        var act = () => ArchivePlaylist.BuildVod(ThreeFiles, T0, T0.AddSeconds(1), new() { Addressing = addressing });

        act.Should().Throw<InvalidOperationException>();
    }
}
