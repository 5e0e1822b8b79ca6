using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

/// <summary>GStreamer interoperates both ways: rtspsrc reads the relay, rtspclientsink publishes into it.</summary>
public sealed class RtspGstreamerInteropTests(RelayWithCameraFixture relay) : IClassFixture<RelayWithCameraFixture>
{
    [Theory]
    [InlineData("tcp")]
    [InlineData("udp")]
    public async Task RtspSrc_ReadsRelayedCamera_DepayloadsFiftyFrames(string protocols)
    {
        // Both tracks get a sink: gst-launch ends only when every sink saw EOS.
        var result = await Tool.RunAsync(
            "gst-launch-1.0",
            [
                "rtspsrc", "name=src", $"location={relay.Url}", $"protocols={protocols}", "latency=100",
                "src.", "!", "application/x-rtp,media=video", "!", "rtph264depay", "!", "h264parse", "!", "identity", "eos-after=50", "!", "fakesink",
                "src.", "!", "application/x-rtp,media=audio", "!", "identity", "eos-after=5", "!", "fakesink",
            ],
            // A hang guard, not a speed target: it normally ends in 2-5 s, but a CI run once killed it at 20 s while
            // the 2 cores were also compiling (no output at all: gst-launch had not got through start-up).
            TimeSpan.FromSeconds(60));

        result.TimedOut.Should().BeFalse(result.ToString());
        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("Got EOS", "the pipeline ends after 50 depayloaded H.264 frames");
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("udp")]
    public async Task RtspClientSink_PublishesIntoRelay_FfprobeReadsIt(string protocols)
    {
        var path = "gst-" + protocols;

        // rtspclientsink sends mode=RECORD in upper case; over UDP it does not fall back to TCP on 461.
        await using var publisher = Tool.Launch(
            "gst-launch-1.0",
            [
                "-q", "videotestsrc", "is-live=true", "pattern=ball", "!", "video/x-raw,width=640,height=360,framerate=25/1",
                "!", "x264enc", "tune=zerolatency", "speed-preset=ultrafast", "key-int-max=25",
                "!", "rtspclientsink", $"location={relay.Server.Url(path)}", $"protocols={protocols}",
            ]);
        var info = await relay.Server.WaitForPublisherAsync(path);

        var probe = await MediaTools.ProbeAsync(relay.Server.Url(path), "tcp");

        info.Tracks.Should().ContainSingle().Which.Codec.Should().Be("H264");
        probe.Tool.ExitCode.Should().Be(0, probe.Tool.ToString());
        probe.Codec.Should().Be("h264");
        (probe.Width, probe.Height).Should().Be((640, 360));
        publisher.HasExited.Should().BeFalse(publisher.Stderr);
    }
}
