using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class RtspUrlTests
{
    [Theory]
    [InlineData("rtsp://127.0.0.1:8554/sim/cam1", "sim/cam1", null)]
    [InlineData("rtsp://host/sim/cam1/", "sim/cam1", null)]
    [InlineData("rtsp://host/sim/cam1/trackID=0", "sim/cam1/trackID=0", null)]
    [InlineData("rtsp://host/cam?token=abc", "cam", "abc")]
    [InlineData("rtsp://host/cam?x=1&token=a%2Bb", "cam", "a+b")]
    [InlineData("rtsp://host/cam?token=abc/trackID=1", "cam/trackID=1", "abc")]
    [InlineData("rtsp://host/cam/?token=abc/", "cam", "abc")]
    [InlineData("RTSP://user:pass@host:554/Streaming/Channels/101", "Streaming/Channels/101", null)]
    [InlineData("/cam", "cam", null)]
    [InlineData("rtsp://host", "", null)]
    public void TryParse_RealClientForms_ExtractPathAndToken(string uri, string path, string? token)
    {
        RtspUrl.TryParse(uri, out var url).Should().BeTrue();

        url.Path.Should().Be(path);
        url.Token.Should().Be(token);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("http://host/cam")]
    [InlineData("rtsp://host/../etc/passwd")]
    [InlineData("rtsp://host/a//b")]
    [InlineData("rtsp://host/a b")]
    [InlineData("rtsp://host/a%2e%2e")]
    public void TryParse_BadOrHostileUrl_IsRejected(string uri) => RtspUrl.TryParse(uri, out _).Should().BeFalse();
}
