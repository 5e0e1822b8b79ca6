using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Playback;

[Collection(PlaybackCollection.Name)]
public sealed class ChunkEndpointsTests(PlaybackRecordings recordings)
{
    [Fact]
    public async Task Chunk_OfAClosedFile_IsItsBytesCachedAsImmutable()
    {
        var node = await recordings.SharedNodeAsync();
        var file = recordings.LobbyMain.Files[0];
        var chunk = file.Segment.Chunks[2];

        var response = await node.Client.GetAsync(new Uri($"/lobby/main/c/{file.Segment.Key}/{chunk.Offset}-{chunk.Length}.ts", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("video/mp2t");
        response.Content.Headers.ContentLength.Should().Be(chunk.Length);
        response.Headers.CacheControl!.ToString().Should().Be("max-age=86400, immutable");
        response.Headers.AcceptRanges.Should().Contain("bytes");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Slice(file, chunk.Offset, chunk.Length));
    }

    [Fact]
    public async Task Chunk_OfTheOpenFile_IsNotCached()
    {
        var node = await recordings.SharedNodeAsync();
        var file = recordings.LobbyMain.Files[^1];
        file.Closed.Should().BeFalse();
        var chunk = file.Segment.Chunks[0];

        var response = await node.Client.GetAsync(new Uri($"/lobby/main/c/{file.Segment.Key}/{chunk.Offset}-{chunk.Length}.ts", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Fact]
    public async Task Chunk_WithRangeHeader_Is206OfThatPartOfTheChunk()
    {
        var node = await recordings.SharedNodeAsync();
        var file = recordings.LobbyMain.Files[1];
        var chunk = file.Segment.Chunks[1];
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/lobby/main/c/{file.Segment.Key}/{chunk.Offset}-{chunk.Length}.ts");
        request.Headers.Range = new RangeHeaderValue(188, 375);

        var response = await node.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 188-375/{chunk.Length}");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Slice(file, chunk.Offset + 188, 188));
    }

    [Fact]
    public async Task Chunk_WithRangeHeaderPastItsEnd_Is416()
    {
        var node = await recordings.SharedNodeAsync();
        var file = recordings.LobbyMain.Files[1];
        var chunk = file.Segment.Chunks[1];
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/lobby/main/c/{file.Segment.Key}/{chunk.Offset}-{chunk.Length}.ts");
        request.Headers.Range = new RangeHeaderValue(chunk.Length, null);

        var response = await node.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
        response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes */{chunk.Length}");
    }

    [Fact]
    public async Task Chunk_Head_IsTheHeadersWithoutTheBytes()
    {
        var node = await recordings.SharedNodeAsync();
        var file = recordings.LobbyMain.Files[0];
        var chunk = file.Segment.Chunks[0];
        using var request = new HttpRequestMessage(HttpMethod.Head, $"/lobby/main/c/{file.Segment.Key}/{chunk.Offset}-{chunk.Length}.ts");

        var response = await node.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().Be(chunk.Length);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task WholeFile_ForByteRangePlaylists_AnswersRanges()
    {
        var node = await recordings.SharedNodeAsync();
        var file = recordings.LobbyMain.Files[0];
        var chunk = file.Segment.Chunks[3];
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/lobby/main/f/{file.Segment.Key}.ts");
        request.Headers.Range = new RangeHeaderValue(chunk.Offset, chunk.End - 1);

        var response = await node.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Slice(file, chunk.Offset, chunk.Length));
        response.Headers.CacheControl!.ToString().Should().Be("max-age=86400, immutable");
    }

    [Theory]
    [InlineData("0-0.ts", HttpStatusCode.BadRequest)]
    [InlineData("abc-188.ts", HttpStatusCode.BadRequest)]
    [InlineData("0-99999999999.ts", HttpStatusCode.BadRequest)]
    [InlineData("0-1e3.ts", HttpStatusCode.BadRequest)]
    [InlineData("-188-188.ts", HttpStatusCode.BadRequest)]
    [InlineData("999999999-188.ts", HttpStatusCode.RequestedRangeNotSatisfiable)]
    public async Task Chunk_BadOrOutOfFileRange_IsAProblem(string range, HttpStatusCode status)
    {
        var node = await recordings.SharedNodeAsync();
        var key = recordings.LobbyMain.Files[0].Segment.Key;

        var response = await node.Client.GetAsync(new Uri($"/lobby/main/c/{key}/{range}", UriKind.Relative));

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("/lobby/main/c/20261121.nosuch.1795219200/0-188.ts")]
    [InlineData("/lobby/sub/c/20261121.r1.1795219200/0-188.ts")]
    [InlineData("/kitchen/main/c/20261121.r1.1795219200/0-188.ts")]
    [InlineData("/lobby/main/f/20261121.nosuch.1795219200.ts")]
    public async Task Chunk_KeyNotOfThisStream_Is404(string url)
    {
        var node = await recordings.SharedNodeAsync();

        var response = await node.Client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/lobby/main/c/..%2F..%2F..%2Fsecret.ts/0-188.ts")]
    [InlineData("/lobby/main/c/..%2f..%2f..%2fsecret.ts/0-188.ts")]
    [InlineData("/lobby/main/c/..%5C..%5C..%5Csecret.ts/0-188.ts")]
    [InlineData("/lobby/main/c/%2E%2E/0-188.ts")]
    [InlineData("/lobby/main/c/../../../secret.ts/0-188.ts")]
    [InlineData("/lobby/main/f/..%2F..%2F..%2Fsecret.ts")]
    [InlineData("/lobby/main/f/..%252F..%252F..%252Fsecret.ts")]
    [InlineData("/lobby/main/c/a%01b/0-188.ts")]
    public async Task Chunk_PathTraversal_NeverReadsOutsideTheRoot(string path)
    {
        var node = await recordings.SharedNodeAsync();
        var outside = Path.Combine(recordings.Root, "..", "secret.ts");
        await File.WriteAllTextAsync(outside, "TOP-SECRET-" + new string('x', 400));
        try
        {
            // Sent as raw as TestServer allows: no client-side normalisation of dots or escapes.
            var context = await node.Node.App.GetTestServer().SendAsync(c =>
            {
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = PathString.FromUriComponent(path);
                c.Request.Headers.Authorization = "Bearer " + PlaybackNode.AdminKey;
            });

            context.Response.StatusCode.Should().BeOneOf(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
            var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
            body.Should().NotContain("TOP-SECRET");
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task Chunk_PathTraversalOverRealHttp_NeverReadsOutsideTheRoot()
    {
        var node = await recordings.SharedKestrelNodeAsync();
        var outside = Path.Combine(recordings.Root, "..", "secret2.ts");
        await File.WriteAllTextAsync(outside, "TOP-SECRET-" + new string('x', 400));
        try
        {
            foreach (var path in new[] { "/lobby/main/c/..%2F..%2F..%2Fsecret2.ts/0-188.ts", "/lobby/main/f/..%2F..%2F..%2Fsecret2.ts", "/lobby/main/c/%2e%2e/0-188.ts" })
            {
                var response = await node.Client.GetAsync(new Uri(path, UriKind.Relative));
                response.StatusCode.Should().BeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
                (await response.Content.ReadAsStringAsync()).Should().NotContain("TOP-SECRET");
            }
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task Chunk_Served_CountsItsBytes()
    {
        await using var node = await PlaybackNode.StartAsync(recordings);
        var meter = node.Metrics.Meter;
        long bytes = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "nightjar.hls.chunks.bytes")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref bytes, value));
        listener.Start();
        var file = recordings.LobbyMain.Files[0];
        var chunk = file.Segment.Chunks[0];

        (await node.Client.GetByteArrayAsync(new Uri($"/lobby/main/c/{file.Segment.Key}/{chunk.Offset}-{chunk.Length}.ts", UriKind.Relative)))
            .Should().HaveCount((int)chunk.Length);

        // The metric is added once the response finished, which the client may see first.
        await Wait.UntilAsync(() => Interlocked.Read(ref bytes) == chunk.Length, TimeSpan.FromSeconds(10), "the chunk's bytes are counted");
    }

    private byte[] Slice(RecordedFile file, long offset, long length) =>
        File.ReadAllBytes(Path.Combine(recordings.Root, file.RelativePath)).AsSpan((int)offset, (int)length).ToArray();
}
