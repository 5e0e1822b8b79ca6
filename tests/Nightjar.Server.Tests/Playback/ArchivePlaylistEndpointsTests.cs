using System.Net;
using Nightjar.Media.Hls;
using Nightjar.Media.Ts;

namespace Nightjar.Server.Tests.Playback;

[Collection(PlaybackCollection.Name)]
public sealed class ArchivePlaylistEndpointsTests(PlaybackRecordings recordings)
{
    private static readonly long T0 = PlaybackRecordings.T0Seconds;

    [Fact]
    public async Task Vod_WholeRecording_ListsEveryChunkWithADiscontinuityAtTheGapAndEnds()
    {
        var node = await recordings.SharedNodeAsync();
        var token = node.Token();

        var response = await node.Client.GetAsync(new Uri($"/lobby/index-{T0}-40.m3u8?token={token}", UriKind.Relative));

        var playlist = await M3u8.ReadAsync(response);
        playlist.Value("#EXT-X-PLAYLIST-TYPE").Should().Be("VOD");
        playlist.Lines[^1].Should().Be("#EXT-X-ENDLIST");
        playlist.Uris.Should().HaveCount(20);
        playlist.TotalSeconds.Should().BeApproximately(20, 0.05);
        playlist.Count("#EXT-X-DISCONTINUITY").Should().Be(1);
        playlist.Tag("#EXT-X-PROGRAM-DATE-TIME")[0].Should().Be("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T00:00:00.000Z");
        var afterGap = playlist.Lines.ToList().IndexOf("#EXT-X-DISCONTINUITY") + 1;
        playlist.Lines[afterGap].Should().Be("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T00:00:22.000Z");
        playlist.Uris.Should().OnlyContain(u => u.EndsWith("?token=" + Uri.EscapeDataString(token), StringComparison.Ordinal), "every URL carries the token");
        response.Headers.CacheControl!.ToString().Should().Be("max-age=3600", "the range ended long ago");
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }

    [Fact]
    public async Task Vod_GapInsideOneRun_IsADiscontinuity()
    {
        await using var node = await PlaybackNode.StartAsync(recordings);
        var files = recordings.LobbyMain.Files;
        node.Archive.Add(PlaybackRecordings.Lobby, "main", new StreamRecording([files[0], files[2]]));

        var playlist = await M3u8.ReadAsync(await node.Client.GetAsync(new Uri($"/lobby/main/index-{T0}-12.m3u8", UriKind.Relative)));

        playlist.Uris.Should().HaveCount(8);
        playlist.Count("#EXT-X-DISCONTINUITY").Should().Be(1, "the missing file leaves a 4 s hole within run r1");
    }

    [Fact]
    public async Task Vod_ArchiveAlias_IsTheSamePlaylist()
    {
        var node = await recordings.SharedNodeAsync();

        var index = await (await node.Client.GetAsync(new Uri($"/lobby/index-{T0 + 2}-5.m3u8", UriKind.Relative))).Content.ReadAsStringAsync();
        var archive = await (await node.Client.GetAsync(new Uri($"/lobby/archive-{T0 + 2}-5.m3u8", UriKind.Relative))).Content.ReadAsStringAsync();

        archive.Should().Be(index);
        new M3u8(index).Uris.Should().HaveCount(5, "chunks 2-3 ... 6-7");
    }

    [Fact]
    public async Task Vod_NamedStream_ResolvesToTheSameChunksAsThePrimaryAlias()
    {
        var node = await recordings.SharedNodeAsync();

        var alias = await M3u8.ReadAsync(await node.Client.GetAsync(new Uri($"/lobby/index-{T0}-40.m3u8", UriKind.Relative)));
        var named = await M3u8.ReadAsync(await node.Client.GetAsync(new Uri($"/lobby/main/index-{T0}-40.m3u8", UriKind.Relative)));

        named.Uris.Select(u => new Uri(new Uri("http://node/lobby/main/x.m3u8"), u))
            .Should().Equal(alias.Uris.Select(u => new Uri(new Uri("http://node/lobby/x.m3u8"), u)));
    }

    [Fact]
    public async Task Event_FromToNow_IsAnEventPlaylistWithoutEndList()
    {
        var node = await recordings.SharedNodeAsync();

        var response = await node.Client.GetAsync(new Uri($"/lobby/index-{T0 + 10}-now.m3u8", UriKind.Relative));

        var playlist = await M3u8.ReadAsync(response);
        playlist.Value("#EXT-X-PLAYLIST-TYPE").Should().Be("EVENT");
        playlist.Count("#EXT-X-ENDLIST").Should().Be(0);
        playlist.Uris.Should().HaveCount(10, "chunks 10-11, 11-12 of r1 and all 8 of r2");
        playlist.Value("#EXT-X-TARGETDURATION").Should().Be("2", "a growing playlist keeps the live target duration");
        response.Headers.CacheControl!.NoCache.Should().BeTrue("it grows");
        (await node.Client.GetAsync(new Uri($"/lobby/archive-{T0 + 10}-now.m3u8", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Vod_RangeReachingNow_IsNotCached()
    {
        await using var node = await PlaybackNode.StartAsync(recordings, now: PlaybackRecordings.T0.AddSeconds(31));

        var response = await node.Client.GetAsync(new Uri($"/lobby/index-{T0}-30.m3u8", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoCache.Should().BeTrue("chunks may still be added at the end");
    }

    [Theory]
    [InlineData("/lobby/index-abc-60.m3u8", HttpStatusCode.BadRequest)]
    [InlineData("/lobby/index-1795219200-0.m3u8", HttpStatusCode.BadRequest)]
    [InlineData("/lobby/index-1795219200-2678401.m3u8", HttpStatusCode.BadRequest)]
    [InlineData("/lobby/index--5-60.m3u8", HttpStatusCode.BadRequest)]
    [InlineData("/lobby/index-1795219200-60.m3u8?byterange=2", HttpStatusCode.BadRequest)]
    [InlineData("/lobby/index-1700000000-now.m3u8", HttpStatusCode.BadRequest)]
    [InlineData("/lobby/index-1795000000-60.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/lobby/index-1795219212-10.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/lobby/sub/index-1795219200-60.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/lobby/nosuch/index-1795219200-60.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/nosuch/index-1795219200-60.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/garage/index-1795219200-60.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/api/index-1795219200-60.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/Lobby/index-1795219200-60.m3u8", HttpStatusCode.NotFound)]
    public async Task Archive_BadOrEmptyRequest_IsAProblem(string url, HttpStatusCode status)
    {
        var node = await recordings.SharedNodeAsync();

        var response = await node.Client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Vod_OneDayOfOneSecondChunks_IsStreamedCompletely()
    {
        await using var node = await PlaybackNode.StartAsync(recordings, now: PlaybackRecordings.T0.AddDays(2));
        node.Archive.Add(PlaybackRecordings.Lobby, "main", new StreamRecording(SyntheticDay()));

        var response = await node.Client.GetAsync(new Uri($"/lobby/index-{T0}-86400.m3u8", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().BeNull("a long playlist is streamed, not built in memory first");
        var playlist = await M3u8.ReadAsync(response);
        playlist.Uris.Should().HaveCount(86_400);
        playlist.Lines[^1].Should().Be("#EXT-X-ENDLIST");
    }

    /// <summary>An index only (no files): 1,440 one-minute files of 60 one-second GOPs.</summary>
    private static List<RecordedFile> SyntheticDay() =>
        [.. Enumerable.Range(0, 1440).Select(m => new RecordedFile(
            new HlsSegment($"20261121.day.{T0 + (m * 60)}", "day", PlaybackRecordings.T0.AddMinutes(m), [.. Enumerable.Range(0, 60).Select(g => new GopEntry(g * 188_000L, 188_000, 126_000 + (g * 90_000L), 90_000))]),
            "lobby/main/none.ts",
            Closed: true))];
}
