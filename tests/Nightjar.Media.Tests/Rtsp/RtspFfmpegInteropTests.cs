using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

/// <summary>ffmpeg and ffprobe, real independent clients, read a path an ffmpeg camera publishes into the relay.</summary>
public sealed class RtspFfmpegInteropTests(RelayWithCameraFixture relay) : IClassFixture<RelayWithCameraFixture>
{
    [Theory]
    [InlineData("tcp")]
    [InlineData("udp")]
    public async Task Ffprobe_ReadsRelayedPath_ReportsPublishedCodecAndResolution(string transport)
    {
        var clip = await MediaTools.ProbeAsync(relay.Clip);

        var probe = await MediaTools.ProbeAsync(relay.Url, transport);

        probe.Tool.ExitCode.Should().Be(0, probe.Tool.ToString());
        probe.Codec.Should().Be(clip.Codec).And.Be("h264");
        (probe.Width, probe.Height).Should().Be((clip.Width, clip.Height)).And.Be((1280, 720));
    }

    [Fact]
    public async Task FfmpegCopy_TenSecondsOverTcp_YieldsTenSecondsOfFrames()
    {
        var output = Path.Combine(Path.GetTempPath(), $"nightjar-rtsp-{Guid.NewGuid():N}.ts");
        try
        {
            var record = await MediaTools.RecordAsync(relay.Url, "tcp", 10, output, TimeSpan.FromSeconds(30));
            record.ExitCode.Should().Be(0, record.ToString());

            var file = await MediaTools.ProbeAsync(output, countFrames: true);
            file.Codec.Should().Be("h264");
            (file.Width, file.Height).Should().Be((1280, 720));
            file.Duration.Should().BeApproximately(10, 1.0, "-t 10 copies ten seconds of the relayed stream");
            file.Frames.Should().BeInRange(250 - 25, 250 + 25, "25 fps for 10 s, within one GOP");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task FfmpegCopy_FourSecondsOverUdp_YieldsFourSecondsOfFrames()
    {
        var output = Path.Combine(Path.GetTempPath(), $"nightjar-rtsp-{Guid.NewGuid():N}.ts");
        try
        {
            var record = await MediaTools.RecordAsync(relay.Url, "udp", 4, output, TimeSpan.FromSeconds(20));
            record.ExitCode.Should().Be(0, record.ToString());

            var file = await MediaTools.ProbeAsync(output, countFrames: true);
            file.Codec.Should().Be("h264");
            file.Frames.Should().BeInRange(100 - 25, 100 + 25, "25 fps for 4 s over UDP on loopback, within one GOP");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
