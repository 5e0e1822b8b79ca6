using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Playback;

[Collection(PlaybackCollection.Name)]
public sealed class PreviewEndpointsTests(PlaybackRecordings recordings)
{
    [Fact]
    public async Task Preview_IsDecodedOnceAndServedFromMemoryUntilANewerKeyframeExists()
    {
        await using var node = await PlaybackNode.StartAsync(recordings);
        using var results = new PreviewResults(node);

        var first = await GetPreviewAsync(node);
        var second = await GetPreviewAsync(node);
        node.Time.Advance(TimeSpan.FromSeconds(3));
        var sameKeyframe = await GetPreviewAsync(node);
        node.Archive.Get(PlaybackRecordings.Lobby, "main").LatestFromEnd = 1;
        var stillFresh = await GetPreviewAsync(node);
        node.Time.Advance(TimeSpan.FromSeconds(3));
        var newer = await GetPreviewAsync(node);

        second.Should().Equal(first);
        sameKeyframe.Should().Equal(first, "no newer keyframe was recorded");
        stillFresh.Should().Equal(first, "a snapshot is reused for 2 s without asking the index");
        newer.Should().NotEqual(first, "another keyframe shows another frame of the test pattern");
        await Wait.UntilAsync(() => results.All.Count == 5, TimeSpan.FromSeconds(10), "five previews are counted");
        results.All.Should().Equal("decoded", "cache", "cache", "cache", "decoded");
    }

    [Fact]
    public async Task Preview_ConcurrentRequests_ShareOneDecode()
    {
        await using var node = await PlaybackNode.StartAsync(recordings);
        using var results = new PreviewResults(node);

        var previews = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => GetPreviewAsync(node)));

        previews.Should().AllSatisfy(p => p.Should().Equal(previews[0]));
        await Wait.UntilAsync(() => results.All.Count == 6, TimeSpan.FromSeconds(10), "six previews are counted");
        results.All.Count(r => r == "decoded").Should().Be(1);
    }

    [Fact]
    public async Task Preview_OfAStreamWithoutRecordings_Is404()
    {
        var node = await recordings.SharedNodeAsync();

        var response = await node.Client.GetAsync(new Uri("/lobby/sub/preview.jpg", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static async Task<byte[]> GetPreviewAsync(PlaybackNode node)
    {
        var response = await node.Client.GetAsync(new Uri("/lobby/preview.jpg", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The <c>result</c> tag of every <c>nightjar.playback.previews</c> measurement of one node, in order.</summary>
    private sealed class PreviewResults : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<string> _results = new();

        public PreviewResults(PlaybackNode node)
        {
            var meter = node.Metrics.Meter;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "nightjar.playback.previews")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "result")
                    {
                        _results.Enqueue((string)tag.Value!);
                    }
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<string> All => [.. _results];

        public void Dispose() => _listener.Dispose();
    }
}
