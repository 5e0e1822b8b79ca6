using System.Globalization;
using System.Net;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Tests.Playback;

/// <summary>What players and tools do: ffmpeg plays the playlists and probes the exports over real HTTP (Kestrel on 127.0.0.1).</summary>
[Collection(PlaybackCollection.Name)]
public sealed class PlaybackOverHttpTests(PlaybackRecordings recordings)
{
    private static readonly long T0 = PlaybackRecordings.T0Seconds;

    [Fact]
    public async Task ArchivePlaylist_PlaysThroughFfmpegAcrossTheGapWithoutErrors()
    {
        var node = await recordings.SharedKestrelNodeAsync();

        var (errors, frames) = await ToolRun.DecodeAsync(node.Url($"/lobby/index-{T0}-40.m3u8?token={node.Token()}"));

        errors.Should().BeEmpty();
        frames.Should().Be(500, "20 s were recorded at 25 fps, in two runs around a 10 s gap");
    }

    [Fact]
    public async Task ByteRangePlaylistOfANamedStream_PlaysThroughFfmpeg()
    {
        var node = await recordings.SharedKestrelNodeAsync();

        var (errors, frames) = await ToolRun.DecodeAsync(node.Url($"/lobby/main/archive-{T0 + 2}-5.m3u8?byterange=1&token={node.Token("lobby/main")}"));

        errors.Should().BeEmpty();
        frames.Should().Be(125, "the five GOPs 2-3 ... 6-7");
    }

    [Fact]
    public async Task Mp4Export_IsAStreamedMp4OfTheRecordedDuration()
    {
        var node = await recordings.SharedKestrelNodeAsync();
        using var anonymous = node.CreateClient(key: null);

        using var response = await anonymous.GetAsync(
            new Uri($"/lobby/archive-{T0}-40.mp4?token={node.Token()}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be("lobby-main-20261121T000000Z-40s.mp4");
        var path = Path.Combine(recordings.Root, "export-lobby.mp4");
        await using (var file = File.Create(path))
        {
            await (await response.Content.ReadAsStreamAsync()).CopyToAsync(file);
        }

        double.Parse(await ToolRun.ProbeAsync(path, "format=duration"), CultureInfo.InvariantCulture)
            .Should().BeApproximately(20, 0.2, "the recorded 20 s, the gap left out");
        (await ToolRun.ProbeAsync(path, "stream=codec_name,width,height")).Split('\n').Should().Equal("h264", "640", "360");
        (await ToolRun.DecodeAsync(path)).Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Mp4Export_WithAacAudio_KeepsTheAudio()
    {
        var node = await recordings.SharedKestrelNodeAsync();
        var path = Path.Combine(recordings.Root, "export-kitchen.mp4");
        await File.WriteAllBytesAsync(path, await node.Client.GetByteArrayAsync(new Uri($"/kitchen/archive-{T0}-4.mp4", UriKind.Relative)));

        (await ToolRun.ProbeAsync(path, "stream=codec_name")).Split('\n').Should().Equal("h264", "aac");
        double.Parse(await ToolRun.ProbeAsync(path, "format=duration"), CultureInfo.InvariantCulture).Should().BeApproximately(4, 0.2);
    }

    [Fact]
    public async Task TsExport_IsTheRecordingsBytesBackToBack()
    {
        var node = await recordings.SharedKestrelNodeAsync();

        using var response = await node.Client.GetAsync(new Uri($"/lobby/main/archive-{T0}-12.ts", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp2t");
        response.Content.Headers.ContentDisposition!.FileName.Should().Be("lobby-main-20261121T000000Z-12s.ts");
        var expected = recordings.LobbyMain.Files.Take(3).SelectMany(f => File.ReadAllBytes(Path.Combine(recordings.Root, f.RelativePath))).ToArray();
        response.Content.Headers.ContentLength.Should().Be(expected.Length);
        var body = await response.Content.ReadAsByteArrayAsync();
        body.Should().Equal(expected);
        var path = Path.Combine(recordings.Root, "export-lobby.ts");
        await File.WriteAllBytesAsync(path, body);
        var (errors, frames) = await ToolRun.DecodeAsync(path);
        errors.Should().BeEmpty();
        frames.Should().Be(300);
    }

    [Theory]
    [InlineData("/lobby/archive-1795219200-now.mp4", HttpStatusCode.BadRequest)]
    [InlineData("/lobby/archive-1795219200-0.ts", HttpStatusCode.BadRequest)]
    [InlineData("/lobby/archive-1795219212-10.mp4", HttpStatusCode.NotFound)]
    [InlineData("/lobby/sub/archive-1795219200-60.ts", HttpStatusCode.NotFound)]
    public async Task Export_BadOrEmptyRange_IsAProblem(string url, HttpStatusCode status)
    {
        var node = await recordings.SharedKestrelNodeAsync();

        var response = await node.Client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Export_WithAViewerToken_IsForbidden()
    {
        var node = await recordings.SharedKestrelNodeAsync();
        using var anonymous = node.CreateClient(key: null);
        var token = node.Token(permissions: Permissions.PlayLive | Permissions.PlayArchive);

        var response = await anonymous.GetAsync(new Uri($"/lobby/archive-{T0}-4.ts?token={token}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Preview_IsAJpegOfTheStreamsSize()
    {
        var node = await recordings.SharedKestrelNodeAsync();

        using var response = await node.Client.GetAsync(new Uri("/lobby/preview.jpg", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        response.Content.Headers.LastModified.Should().NotBeNull();
        var path = Path.Combine(recordings.Root, "preview.jpg");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        (await ToolRun.ProbeAsync(path, "stream=codec_name,width,height")).Split('\n').Should().Equal("mjpeg", "640", "360");
    }
}
