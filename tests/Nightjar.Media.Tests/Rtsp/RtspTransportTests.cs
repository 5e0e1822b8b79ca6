using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class RtspTransportTests
{
    [Theory]
    [InlineData("RTP/AVP/TCP;unicast;interleaved=0-1;mode=record", true)]
    [InlineData("RTP/AVP/TCP;unicast;interleaved=2-3;mode=RECORD", true)]
    [InlineData("RTP/AVP/TCP;unicast;interleaved=0-1;mode=\"RECORD\"", true)]
    [InlineData("RTP/AVP/TCP;unicast;interleaved=0-1;mode=receive", true)]
    [InlineData("RTP/AVP/TCP;unicast;interleaved=0-1;mode=\"PLAY\"", false)]
    [InlineData("RTP/AVP/TCP;unicast;interleaved=0-1", false)]
    public void TryParse_ModeOfRealClients_IsMatchedCaseInsensitivelyWithOrWithoutQuotes(string header, bool record)
    {
        RtspTransport.TryParse(header, allowUdp: true, out var transport).Should().BeTrue();

        transport!.IsTcp.Should().BeTrue();
        transport.IsRecord.Should().Be(record);
    }

    [Fact]
    public void TryParse_UdpClientPorts_AreRead()
    {
        RtspTransport.TryParse("RTP/AVP;unicast;client_port=50000-50001", allowUdp: true, out var transport).Should().BeTrue();

        transport!.IsTcp.Should().BeFalse();
        (transport.ClientRtpPort, transport.ClientRtcpPort).Should().Be((50000, 50001));
        transport.Format(8000, 8001, null).Should().Be("RTP/AVP;unicast;client_port=50000-50001;server_port=8000-8001");
    }

    [Fact]
    public void TryParse_AlternativesWithUdpDisabled_PicksTcp()
    {
        const string header = "RTP/AVP;unicast;client_port=5000-5001,RTP/AVP/TCP;unicast;interleaved=4-5";

        RtspTransport.TryParse(header, allowUdp: false, out var transport).Should().BeTrue();

        transport!.IsTcp.Should().BeTrue();
        (transport.InterleavedRtp, transport.InterleavedRtcp).Should().Be((4, 5));
        transport.Format(null, null, null).Should().Be("RTP/AVP/TCP;unicast;interleaved=4-5");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RTP/SAVP;unicast;client_port=1-2")]
    [InlineData("RTP/AVP;multicast;destination=224.1.1.1")]
    [InlineData("RTP/AVP;unicast")]
    [InlineData("RTP/AVP;unicast;client_port=0-1")]
    [InlineData("RTP/AVP;unicast;client_port=70000-70001")]
    [InlineData("RTP/AVP/TCP;interleaved=300-301")]
    [InlineData("RTP/AVP/TCP;interleaved=a-b")]
    [InlineData("RAW/RAW/UDP;unicast")]
    public void TryParse_UnusableTransport_IsRejected(string? header)
    {
        RtspTransport.TryParse(header, allowUdp: true, out var transport).Should().BeFalse();
        transport.Should().BeNull();
    }

    [Fact]
    public void TryParse_RandomInput_NeverThrows()
    {
        var random = new Random(3);
        const string alphabet = "RTP/AVPTCUD;=-,\"0123456789 abcdefilmnoprtuvx";
        for (var i = 0; i < 10_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var act = () => RtspTransport.TryParse(text, allowUdp: random.Next(2) == 0, out _);
            act.Should().NotThrow();
        }
    }
}
