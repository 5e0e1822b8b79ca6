using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class SdpTests
{
    // What ffmpeg 5.1 (Debian) announces for H.264 + AAC, including its literal a=tool line.
    private const string FfmpegAnnounce =
        "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=No Name\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\na=tool:libavformat LIBAVFORMAT_VERSION\r\n" +
        "m=video 0 RTP/AVP 96\r\nb=AS:1000\r\na=rtpmap:96 H264/90000\r\n" +
        "a=fmtp:96 packetization-mode=1; sprop-parameter-sets=Z00AH5WoFAFuQA==,aO48gA==; profile-level-id=4D001F\r\na=control:streamid=0\r\n" +
        "m=audio 0 RTP/AVP 97\r\nb=AS:32\r\na=rtpmap:97 MPEG4-GENERIC/16000/1\r\n" +
        "a=fmtp:97 profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3; config=1408\r\na=control:streamid=1\r\n";

    [Fact]
    public void TryParse_FfmpegAnnounce_ReadsTracksCodecsAndControls()
    {
        SdpDocument.TryParse(FfmpegAnnounce, out var sdp, out var error).Should().BeTrue(error);

        sdp!.Media.Should().HaveCount(2);
        sdp.Media[0].MediaType.Should().Be("video");
        sdp.Media[0].EncodingName.Should().Be("H264");
        sdp.Media[0].ClockRate.Should().Be(90000);
        sdp.Media[0].Control.Should().Be("streamid=0");
        sdp.Media[0].FmtpParameter("sprop-parameter-sets").Should().Be("Z00AH5WoFAFuQA==,aO48gA==");
        sdp.Media[1].EncodingName.Should().Be("MPEG4-GENERIC");
        sdp.Media[1].ClockRate.Should().Be(16000);
    }

    [Fact]
    public void ForReaders_RewritesControlsKeepsCodecParametersDropsPublisherLines()
    {
        SdpDocument.TryParse(FfmpegAnnounce, out var sdp, out _).Should().BeTrue();

        var text = SdpRewriter.ForReaders(sdp!, "sim/cam1");

        text.Should().Contain("s=sim/cam1\r\n").And.Contain("a=control:*\r\n").And.Contain("c=IN IP4 0.0.0.0\r\n").And.Contain("a=range:npt=now-\r\n");
        text.Should().Contain("a=control:trackID=0\r\n").And.Contain("a=control:trackID=1\r\n");
        text.Should().Contain("sprop-parameter-sets=Z00AH5WoFAFuQA==,aO48gA==").And.Contain("config=1408").And.Contain("a=rtpmap:97 MPEG4-GENERIC/16000/1");
        text.Should().NotContain("streamid=").And.NotContain("a=tool").And.NotContain("c=IN IP4 127.0.0.1");
        SdpDocument.TryParse(text, out var reparsed, out _).Should().BeTrue("readers get valid SDP");
        reparsed!.Media.Select(m => m.Control).Should().Equal("trackID=0", "trackID=1");
    }

    [Fact]
    public void ForReaders_WithExtraFmtp_AppendsOrAddsTheLine()
    {
        SdpDocument.TryParse("v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=video 0 RTP/AVP 97\r\na=rtpmap:97 H264/90000\r\na=fmtp:97 packetization-mode=1\r\n", out var sdp, out _)
            .Should().BeTrue();

        var text = SdpRewriter.ForReaders(sdp!, "x", _ => "sprop-parameter-sets=AAAA,BBBB");

        text.Should().Contain("a=fmtp:96 sprop-parameter-sets=AAAA,BBBB\r\n").And.Contain("a=fmtp:97 packetization-mode=1;sprop-parameter-sets=AAAA,BBBB\r\n");
    }

    [Theory]
    [InlineData("v=0\r\ns=no media\r\n")]
    [InlineData("v=0\r\nm=video\r\n")]
    [InlineData("this is not sdp")]
    [InlineData("")]
    public void TryParse_Unusable_IsRejectedWithReason(string text)
    {
        SdpDocument.TryParse(text, out var sdp, out var error).Should().BeFalse();
        sdp.Should().BeNull();
        error.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void TryParse_RandomMutations_NeverThrow()
    {
        var random = new Random(5);
        for (var i = 0; i < 5_000; i++)
        {
            var chars = FfmpegAnnounce.ToCharArray();
            for (var m = random.Next(1, 8); m > 0; m--)
            {
                chars[random.Next(chars.Length)] = (char)random.Next(0, 128);
            }

            var text = new string(chars, 0, random.Next(chars.Length));
            var act = () =>
            {
                if (SdpDocument.TryParse(text, out var sdp, out _))
                {
                    SdpRewriter.ForReaders(sdp!, "fuzz");
                }
            };
            act.Should().NotThrow();
        }
    }
}
