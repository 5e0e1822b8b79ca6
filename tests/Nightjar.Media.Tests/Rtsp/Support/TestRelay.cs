using Microsoft.Extensions.Logging;
using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp.Support;

/// <summary>Starts relays the way tests need them: 127.0.0.1, free ports, UDP on a free pair.</summary>
internal static class TestRelay
{
    public static RtspServerOptions Options(Action<RtspServerOptions>? configure = null)
    {
        var options = new RtspServerOptions { BindAddress = "127.0.0.1", Port = 0, UdpRtpPort = 0, UdpRtcpPort = 0 };
        configure?.Invoke(options);
        return options;
    }

    public static async Task<RtspServer> StartAsync(
        Action<RtspServerOptions>? configure = null,
        IRtspAuthenticator? authenticator = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null)
    {
        var server = new RtspServer(Options(configure), authenticator, loggerFactory, timeProvider);
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    public static string Url(this RtspServer server, string path, string? userInfo = null) =>
        $"rtsp://{(userInfo is null ? string.Empty : userInfo + "@")}127.0.0.1:{server.LocalEndPoint.Port}/{path}";

    /// <summary>Waits until a publisher is live on <paramref name="path"/> and has sent at least one packet.</summary>
    public static Task<RtspPathInfo> WaitForPublisherAsync(this RtspServer server, string path, TimeSpan? deadline = null) =>
        Poll.UntilAsync(
            () => server.GetPath(path) is { IsLive: true, PacketsReceived: > 0 } info ? info : null,
            deadline ?? TimeSpan.FromSeconds(20),
            $"a publisher streams into '{path}'");
}
