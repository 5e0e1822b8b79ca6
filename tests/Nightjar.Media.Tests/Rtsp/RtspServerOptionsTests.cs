using Nightjar.Media.Rtsp;
using Nightjar.Media.Tests.Rtsp.Support;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class RtspServerOptionsTests
{
    [Theory]
    [InlineData(nameof(RtspServerOptions.BindAddress))]
    [InlineData(nameof(RtspServerOptions.Port))]
    [InlineData(nameof(RtspServerOptions.UdpRtcpPort))]
    [InlineData(nameof(RtspServerOptions.MaxRequestBytes))]
    [InlineData(nameof(RtspServerOptions.SessionTimeout))]
    [InlineData(nameof(RtspServerOptions.ReaderQueuePackets))]
    [InlineData(nameof(RtspServerOptions.Realm))]
    [InlineData(nameof(RtspServerOptions.AllowBasicAuth))]
    public void Constructor_BadSetting_ThrowsNamingIt(string setting)
    {
        var options = TestRelay.Options();
        switch (setting)
        {
            case nameof(RtspServerOptions.BindAddress): options.BindAddress = "localhost:80"; break;
            case nameof(RtspServerOptions.Port): options.Port = 70000; break;
            case nameof(RtspServerOptions.UdpRtcpPort): options.UdpRtpPort = 8000; options.UdpRtcpPort = 8000; break;
            case nameof(RtspServerOptions.MaxRequestBytes): options.MaxRequestBytes = 10; break;
            case nameof(RtspServerOptions.SessionTimeout): options.SessionTimeout = TimeSpan.FromSeconds(1); break;
            case nameof(RtspServerOptions.ReaderQueuePackets): options.ReaderQueuePackets = 1; break;
            case nameof(RtspServerOptions.Realm): options.Realm = "a\"b"; break;
            default: options.AllowBasicAuth = false; options.AllowDigestAuth = false; break;
        }

        var act = () => new RtspServer(options);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("Rtsp:" + setting);
    }

    [Fact]
    public async Task StartAsync_PortTaken_FailsClearlyWithoutSharingThePort()
    {
        await using var first = await TestRelay.StartAsync();
        await using var second = new RtspServer(TestRelay.Options(o => o.Port = first.LocalEndPoint.Port));

        var act = () => second.StartAsync(CancellationToken.None);

        await act.Should().ThrowAsync<System.Net.Sockets.SocketException>();
    }
}
