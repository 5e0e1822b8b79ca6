using System.Net;
using System.Text.RegularExpressions;

namespace Nightjar.Server.Tests.Playback;

[Collection(PlaybackCollection.Name)]
public sealed partial class LivePlaylistEndpointsTests(PlaybackRecordings recordings)
{
    [Fact]
    public async Task Live_Primary_IsALiveWindowWithUtcProgramDateTimesAndADiscontinuityAtTheRunChange()
    {
        var node = await recordings.SharedNodeAsync();
        var token = node.Token();
        var expected = node.Archive.GetLive(PlaybackRecordings.Lobby, "main")!;

        var response = await node.Client.GetAsync(new Uri($"/lobby/index.m3u8?token={token}", UriKind.Relative));

        var playlist = await M3u8.ReadAsync(response);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
        playlist.Lines[0].Should().Be("#EXTM3U");
        playlist.Value("#EXT-X-TARGETDURATION").Should().Be("2");
        playlist.Value("#EXT-X-MEDIA-SEQUENCE").Should().Be(expected.Chunks[0].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        playlist.Count("#EXT-X-ENDLIST").Should().Be(0, "a live playlist never ends");
        playlist.Count("#EXT-X-PLAYLIST-TYPE").Should().Be(0);
        playlist.Uris.Should().HaveCount(10);
        playlist.Count("#EXT-X-DISCONTINUITY").Should().Be(1, "the window holds the end of run r1 and run r2");
        playlist.Tag("#EXT-X-PROGRAM-DATE-TIME").Should().HaveCount(10).And.OnlyContain(l => ProgramDateTime().IsMatch(l));
        playlist.Tag("#EXT-X-PROGRAM-DATE-TIME")[^1].Should().Be($"#EXT-X-PROGRAM-DATE-TIME:{expected.Chunks[^1].Start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}");
        playlist.Uris.Should().OnlyContain(u => u.StartsWith("main/c/", StringComparison.Ordinal) && u.EndsWith("?token=" + Uri.EscapeDataString(token), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Live_NamedStream_ListsTheSameChunksAsThePrimaryAlias()
    {
        var node = await recordings.SharedNodeAsync();

        var alias = await M3u8.ReadAsync(await node.Client.GetAsync(new Uri("/lobby/index.m3u8", UriKind.Relative)));
        var named = await M3u8.ReadAsync(await node.Client.GetAsync(new Uri("/lobby/main/index.m3u8", UriKind.Relative)));

        var aliasChunks = alias.Uris.Select(u => new Uri(new Uri("http://node/lobby/index.m3u8"), u));
        var namedChunks = named.Uris.Select(u => new Uri(new Uri("http://node/lobby/main/index.m3u8"), u));
        namedChunks.Should().Equal(aliasChunks, "both name /lobby/main/c/... once resolved");
        named.Lines.Where(l => l.StartsWith('#')).Should().Equal(alias.Lines.Where(l => l.StartsWith('#')));
    }

    [Fact]
    public async Task Live_ByteRangeOption_NamesWholeFilesWithByteRanges()
    {
        var node = await recordings.SharedNodeAsync();

        var playlist = await M3u8.ReadAsync(await node.Client.GetAsync(new Uri("/lobby/index.m3u8?byterange=1", UriKind.Relative)));

        playlist.Value("#EXT-X-VERSION").Should().Be("4");
        playlist.Tag("#EXT-X-BYTERANGE").Should().HaveCount(10);
        playlist.Uris.Should().OnlyContain(u => u.StartsWith("main/f/", StringComparison.Ordinal) && u.EndsWith(".ts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/lobby/sub/index.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/nosuchcamera/index.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/garage/index.m3u8", HttpStatusCode.NotFound)]
    [InlineData("/lobby/index.m3u8?byterange=yes", HttpStatusCode.BadRequest)]
    public async Task Live_NothingToPlayOrBadOption_IsAProblem(string url, HttpStatusCode status)
    {
        var node = await recordings.SharedNodeAsync();

        var response = await node.Client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"detail\"");
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }

    [GeneratedRegex(@"^#EXT-X-PROGRAM-DATE-TIME:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    private static partial Regex ProgramDateTime();
}
