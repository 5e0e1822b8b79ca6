using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Nightjar.Media.Rtsp;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Cluster.Routing;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.Rtsp;

/// <summary>
/// Runs the RTSP relay with the node: cameras' ingest pushes into it, players and upstream VMS read from it.
/// Readers authenticate through the registered <see cref="IRtspAuthenticator"/> (API keys and playback tokens).
/// </summary>
internal sealed partial class RtspRelayService(
    IOptions<RtspOptions> options,
    IRtspAuthenticator authenticator,
    IServiceProvider services,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    IMeterFactory meterFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RtspRelayService>();
    private RtspServer? _server;

    /// <summary>
    /// The relay's TCP port, known before it starts: the ingest's push URL is built when the recording engine is
    /// created, which is before any hosted service starts. Port 0 (tests) reserves a free port now.
    /// </summary>
    public int Port { get; } = options.Value.Port != 0 ? options.Value.Port : ReserveFreePort();

    /// <summary>The URL the node's own ingest pushes to (loopback unless the relay listens on one other address only).</summary>
    public Uri LocalPublishUrl
    {
        get
        {
            var bind = IPAddress.Parse(options.Value.BindAddress);
            var host = bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any) || IPAddress.IsLoopback(bind) ? "127.0.0.1" : options.Value.BindAddress;
            return new Uri($"rtsp://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{Port}");
        }
    }

    /// <summary>The running relay, or null before start and after stop.</summary>
    public RtspServer? Server => _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var server = new RtspServer(
            new RtspServerOptions
            {
                BindAddress = o.BindAddress,
                Port = Port,
                EnableUdp = o.UdpRtpPort > 0,
                UdpRtpPort = o.UdpRtpPort > 0 ? o.UdpRtpPort : 8000,
                UdpRtcpPort = o.UdpRtpPort > 0 ? o.UdpRtpPort + 1 : 8001,
                TrustLoopbackPublishers = o.TrustLoopbackPublishers,
                ReaderPathAlias = PrimaryStreamPath,
                ReaderRedirect = OwnerOf,
            },
            authenticator,
            loggerFactory,
            timeProvider,
            meterFactory);
        await server.StartAsync(cancellationToken);
        _server = server;
        LogListening(_logger, server.LocalEndPoint);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            await server.StopAsync(cancellationToken);
            await server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary><c>rtsp://host/{camera}</c> plays the camera's primary stream, as <c>/{camera}/index.m3u8</c> does over HLS.</summary>
    private string? PrimaryStreamPath(string path) =>
        CameraId.TryParse(path, out var id, out _)
        && services.GetService<ICameraManager>()?.Registry.Find(id) is { } camera
            ? $"{camera.Id.Value}/{camera.PrimaryStream.Name}"
            : null;

    /// <summary>In a cluster, a camera another node records is read from that node's relay (302 there).</summary>
    private string? OwnerOf(string path) => services.GetService<ClusterRtspRedirects>()?.Locate(path);

    private static int ReserveFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(EventId = 1750, Level = LogLevel.Information, Message = "RTSP relay listening on rtsp://{EndPoint}")]
    private static partial void LogListening(ILogger logger, System.Net.IPEndPoint endPoint);
}
