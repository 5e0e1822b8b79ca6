using Nightjar.Media.Ffmpeg;

namespace Nightjar.Media.Tests.Ffmpeg;

public sealed class UrlRedactorTests
{
    [Theory]
    [InlineData("rtsp://admin:secret@10.0.0.5/stream1", "rtsp://***@10.0.0.5/stream1")]
    [InlineData("rtsp://admin@10.0.0.5/stream1", "rtsp://***@10.0.0.5/stream1")]
    [InlineData("rtsp://admin:p@ss@10.0.0.5:554/s?x=1", "rtsp://***@10.0.0.5:554/s?x=1")]
    [InlineData("rtsp://admin:s3cr%3At%40x@127.0.0.1:35473/ball", "rtsp://***@127.0.0.1:35473/ball")]
    [InlineData("rtsp://10.0.0.5/stream1", "rtsp://10.0.0.5/stream1")]
    [InlineData("http://host/a@b", "http://host/a@b")]
    [InlineData("", "")]
    public void Redact_Url_RemovesTheUserInfo(string url, string expected)
    {
        UrlRedactor.Redact(url).Should().Be(expected);
    }

    [Fact]
    public void RedactText_FfmpegErrorLine_HidesTheCredentials()
    {
        const string line = "rtsp://admin:s3cr%3At%40x@127.0.0.1:35473/ball: Connection timed out";

        UrlRedactor.RedactText(line).Should().Be("rtsp://***@127.0.0.1:35473/ball: Connection timed out");
    }

    [Fact]
    public void RedactText_SecretOutsideAUrl_IsMaskedToo()
    {
        UrlRedactor.RedactText("Digest response for password hunter2 failed", ["hunter2"]).Should().Be("Digest response for password *** failed");
    }

    [Fact]
    public void RedactText_SeveralUrls_RedactsEach()
    {
        UrlRedactor.RedactText("a rtsp://u:p@h1/x and rtsps://v:q@h2/y")
            .Should().Be("a rtsp://***@h1/x and rtsps://***@h2/y");
    }
}
