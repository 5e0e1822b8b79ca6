using Nightjar.Media.Hls;
using Nightjar.Media.Ts;
using static Nightjar.Media.Tests.Hls.HlsTestData;

namespace Nightjar.Media.Tests.Hls;

public sealed class LivePlaylistTests
{
    [Fact]
    public void Build_WindowOfSixOutOfTen_ListsTheNewestSixWithStableSequenceNumbers()
    {
        var window = new LiveChunkWindow(capacity: 6);
        var appended = Enumerable.Range(0, 10).Select(i => window.Append("f1", "r1", T0.AddSeconds(i), Gop(i))).ToList();

        var playlist = LivePlaylist.Build(window.Chunks, ByteRanges(), targetDuration: 2);

        var lines = Lines(playlist);
        playlist.ChunkCount.Should().Be(6);
        lines.Should().Contain($"#EXT-X-MEDIA-SEQUENCE:{appended[4].Sequence}");
        lines.Should().Contain("#EXT-X-TARGETDURATION:2");
        lines.Should().NotContain(l => l.StartsWith("#EXT-X-PLAYLIST-TYPE", StringComparison.Ordinal));
        lines.Should().NotContain("#EXT-X-ENDLIST");
        lines.Should().Contain($"#EXT-X-BYTERANGE:{188 * 50}@{188 * 50 * 9}");
        appended.Select(c => c.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (appended[9].Sequence - appended[0].Sequence).Should().Be(9);
    }

    [Fact]
    public void Build_RequestsBetweenAppends_KeepEachChunksSequenceNumber()
    {
        var window = new LiveChunkWindow(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            window.Append("f1", "r1", T0.AddSeconds(i), Gop(i));
        }

        var before = Lines(LivePlaylist.Build(window.Chunks, ByteRanges(), 1));
        window.Append("f1", "r1", T0.AddSeconds(5), Gop(5));
        var after = Lines(LivePlaylist.Build(window.Chunks, ByteRanges(), 1));

        Sequence(after).Should().Be(Sequence(before) + 1);
        ChunkEntries(after).Take(2).Should().Equal(ChunkEntries(before).Skip(1), "a chunk keeps its place in the numbering");
    }

    [Fact]
    public void Append_RunChange_CountsADiscontinuityThatSlidesIntoTheSequenceTag()
    {
        var window = new LiveChunkWindow(capacity: 3);
        window.Append("f1", "r1", T0, Gop(0));
        window.Append("f1", "r1", T0.AddSeconds(1), Gop(1));
        var first = window.Chunks[0].DiscontinuitySequence;
        window.Append("f2", "r2", T0.AddSeconds(2), Gop(0));

        var lines = Lines(LivePlaylist.Build(window.Chunks, ByteRanges(), 1));
        lines.Count(l => l == "#EXT-X-DISCONTINUITY").Should().Be(1);
        DiscontinuitySequence(lines).Should().Be(first);

        window.Append("f2", "r2", T0.AddSeconds(3), Gop(1));
        window.Append("f2", "r2", T0.AddSeconds(4), Gop(2)); // the run change is now the first entry

        lines = Lines(LivePlaylist.Build(window.Chunks, ByteRanges(), 1));
        lines.Should().NotContain("#EXT-X-DISCONTINUITY");
        DiscontinuitySequence(lines).Should().Be(first + 1);
    }

    [Fact]
    public void Append_GapWithinARun_IsADiscontinuity()
    {
        var window = new LiveChunkWindow();
        window.Append("f1", "r1", T0, Gop(0));

        var next = window.Append("f1", "r1", T0.AddSeconds(5), Gop(1));

        next.Discontinuity.Should().BeTrue();
    }

    [Fact]
    public void Constructor_NewWindowAfterARestart_ContinuesAboveTheOldNumbers()
    {
        var old = new LiveChunkWindow();
        HlsLiveChunk last = null!;
        for (var i = 0; i < 100; i++)
        {
            last = old.Append("f1", "r1", T0.AddSeconds(i * 0.5), Gop(i, duration: 45_000));
        }

        var restarted = new LiveChunkWindow();
        var first = restarted.Append("f9", "r2", T0.AddSeconds(51), Gop(0));

        first.Sequence.Should().BeGreaterThan(last.Sequence);
        first.DiscontinuitySequence.Should().BeGreaterThanOrEqualTo(last.DiscontinuitySequence);
    }

    [Fact]
    public void Build_ChunkLongerThanTheConfiguredTarget_RaisesIt()
    {
        var window = new LiveChunkWindow();
        window.Append("f1", "r1", T0, Gop(0, duration: 3 * 90_000 + 1));

        LivePlaylist.Build(window.Chunks, ByteRanges(), 2).TargetDuration.Should().Be(4);
    }

    [Fact]
    public void Build_EmptyWindow_IsAValidPlaylistWithoutChunks()
    {
        var playlist = LivePlaylist.Build([], ByteRanges(), 2);

        playlist.ChunkCount.Should().Be(0);
        Lines(playlist).Should().StartWith("#EXTM3U");
    }

    [Fact]
    public void Build_NonConsecutiveSequences_Throws()
    {
        var window = new LiveChunkWindow();
        var a = window.Append("f1", "r1", T0, Gop(0));
        var b = window.Append("f1", "r1", T0.AddSeconds(1), Gop(1));

        var act = () => LivePlaylist.Build([b, a], ByteRanges(), 1);

        act.Should().Throw<ArgumentException>();
    }

    private static GopEntry Gop(int i, long duration = GopEntry.ClockRate) => new(i * 188L * 50, 188L * 50, i * duration, duration);

    private static long Sequence(string[] lines) => long.Parse(lines.Single(l => l.StartsWith("#EXT-X-MEDIA-SEQUENCE:", StringComparison.Ordinal))[22..], System.Globalization.CultureInfo.InvariantCulture);

    private static long DiscontinuitySequence(string[] lines) =>
        lines.SingleOrDefault(l => l.StartsWith("#EXT-X-DISCONTINUITY-SEQUENCE:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line[30..], System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    private static string[] ChunkEntries(string[] lines) => [.. lines.Where(l => l.StartsWith("#EXT-X-BYTERANGE", StringComparison.Ordinal))];
}
