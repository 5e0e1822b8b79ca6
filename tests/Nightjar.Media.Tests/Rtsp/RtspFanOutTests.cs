using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

/// <summary>One upstream, many readers: everyone gets every packet, and a reader that stops reading only hurts itself.</summary>
public sealed class RtspFanOutTests
{
    [Fact]
    public async Task Relay_FiftyReadersAndOneStalled_DropsOnlyTheStalledReaderWithoutLossForOthers()
    {
        var clip = await TestClips.MotionAsync();
        await using var server = await TestRelay.StartAsync(o =>
        {
            // Small buffers so the stalled reader is found in seconds, not after megabytes of kernel buffering.
            o.ReaderQueuePackets = 256;
            o.ReaderSendBufferBytes = 16 * 1024;
        });
        using var metrics = new MetricCollector(server.Meter);
        await using var publisher = MediaTools.Publish(clip, server.Url("cam"));
        await server.WaitForPublisherAsync("cam");

        await using var stalled = await RawRtspReader.StartAsync(server.LocalEndPoint, "cam", read: false, receiveBufferBytes: 4096);
        var readers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => RawRtspReader.StartAsync(server.LocalEndPoint, "cam")));
        try
        {
            var output = Path.Combine(Path.GetTempPath(), $"nightjar-fanout-{Guid.NewGuid():N}");
            var ffmpegReaders = new[] { "tcp", "udp" }.Select((transport, i) => MediaTools.RecordAsync(server.Url("cam"), transport, 6, $"{output}-{i}.ts", TimeSpan.FromSeconds(30))).ToArray();

            await Poll.UntilAsync(() => metrics.Value("nightjar.rtsp.readers.dropped", "reason=slow") == 1, TimeSpan.FromSeconds(30), "the stalled reader is dropped");
            var packetsAtDrop = readers.Select(r => r.Packets).ToArray();
            await Poll.UntilAsync(() => readers.Select((r, i) => r.Packets - packetsAtDrop[i]).Min() > 100, TimeSpan.FromSeconds(20), "every other reader keeps receiving after the drop");

            var results = await Task.WhenAll(ffmpegReaders);
            results.Should().AllSatisfy(r => r.ExitCode.Should().Be(0, r.ToString()));
            for (var i = 0; i < ffmpegReaders.Length; i++)
            {
                var file = await MediaTools.ProbeAsync($"{output}-{i}.ts", countFrames: true);
                file.Frames.Should().BeInRange(150 - 25, 150 + 25, "a real ffmpeg reader among the crowd gets 6 s at 25 fps");
                File.Delete($"{output}-{i}.ts");
            }

            readers.Should().AllSatisfy(r =>
            {
                r.Closed.Should().BeFalse("only the stalled reader is dropped");
                r.Gaps.Should().Be(0, "the relay forwards every packet to a reader that keeps up");
                SyntheticPublisher.IsKeyframePacket(r.FirstPacket!).Should().BeTrue("a reader joining mid-stream starts on a keyframe");
            });
            metrics.Value("nightjar.rtsp.readers.dropped").Should().Be(1);
            publisher.HasExited.Should().BeFalse("the publisher is never blocked by a slow reader: " + publisher.Stderr);
            server.GetPath("cam")!.IsLive.Should().BeTrue();
            server.GetPath("cam")!.ReaderCount.Should().Be(50);
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }
}
