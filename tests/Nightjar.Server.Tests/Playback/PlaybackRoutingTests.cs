using System.Net;
using System.Text.Json;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Tests.Playback;

/// <summary>The media routes live beside the API, health and metrics without shadowing them.</summary>
[Collection(PlaybackCollection.Name)]
public sealed class PlaybackRoutingTests(PlaybackRecordings recordings)
{
    [Fact]
    public async Task OwnRoutes_StillAnswer()
    {
        var node = await recordings.SharedNodeAsync();

        (await node.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await node.Client.GetAsync(new Uri("/api/v1/node", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await node.Client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await node.Client.DeleteAsync(new Uri("/api/v1/node", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("/api/index.m3u8")]
    [InlineData("/health/index.m3u8")]
    [InlineData("/metrics/preview.jpg")]
    [InlineData("/openapi/main/index.m3u8")]
    [InlineData("/ui/main/index.m3u8")]
    [InlineData("/lobby/nothing.here")]
    [InlineData("/lobby/main/c/x")]
    public async Task NonMediaPath_Is404NotSomeMediaAnswer(string url)
    {
        var node = await recordings.SharedNodeAsync();

        var response = await node.Client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Nothing is served at", "routing found no endpoint");
    }

    [Fact]
    public async Task Preflight_FromABrowser_IsAllowedWithoutCredentials()
    {
        var node = await recordings.SharedNodeAsync();
        using var anonymous = node.CreateClient(key: null);
        using var request = new HttpRequestMessage(HttpMethod.Options, "/lobby/main/c/20261121.r1.1795219200/0-188.ts");
        request.Headers.Add("Origin", "https://viewer.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "range");

        var response = await anonymous.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().Should().Contain("Range");
        response.Headers.Contains("Access-Control-Allow-Credentials").Should().BeFalse();
    }

    [Fact]
    public async Task Media_WithoutCredentials_Is401AndWithATokenPlays()
    {
        var node = await recordings.SharedNodeAsync();
        using var anonymous = node.CreateClient(key: null);
        var url = $"/lobby/index-{PlaybackRecordings.T0Seconds}-40.m3u8";

        (await anonymous.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(new Uri(url + "?token=" + node.Token(), UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync(new Uri(url + "?token=" + node.Token("kitchen"), UriKind.Relative))).StatusCode
            .Should().BeOneOf([HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden], "the token is for another camera");
        (await anonymous.GetAsync(new Uri(url + "?token=" + node.Token(permissions: Permissions.PlayLive), UriKind.Relative))).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "an archive playlist needs PlayArchive");
    }

    [Fact]
    public async Task Chunk_WithALiveOnlyToken_Plays()
    {
        var node = await recordings.SharedNodeAsync();
        using var anonymous = node.CreateClient(key: null);
        var file = recordings.LobbyMain.Files[^1];
        var chunk = file.Segment.Chunks[0];

        var response = await anonymous.GetAsync(new Uri(
            $"/lobby/main/c/{file.Segment.Key}/{chunk.Offset}-{chunk.Length}.ts?token={node.Token(permissions: Permissions.PlayLive)}",
            UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "live playlists list chunks too");
    }

    [Fact]
    public async Task OpenApi_DescribesTheRecordingsApiButNoMediaRoute()
    {
        var node = await recordings.SharedNodeAsync();

        using var document = JsonDocument.Parse(await node.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain("/api/v1/cameras/{id}/recordings");
        paths.Should().NotContain(p => p.StartsWith("/{camera}", StringComparison.Ordinal));
    }
}
