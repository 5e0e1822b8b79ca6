using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Nightjar.Media.Rtsp;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.Rtsp;

/// <summary>
/// Runs the RTSP relay with the node: cameras' ingest pushes into it, players and upstream VMS read from it.
/// Readers authenticate through the registered <see cref="IRtspAuthenticator"/> (API keys and playback tokens).
/// </summary>
internal sealed partial class RtspRelayService(
    IOptions<RtspOptions> options,
    IRtspAuthenticator authenticator,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    IMeterFactory meterFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RtspRelayService>();
    private RtspServer? _server;

    /// <summary>The running relay, or null before start and after stop.</summary>
    public RtspServer? Server => _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var server = new RtspServer(
            new RtspServerOptions
            {
                BindAddress = o.BindAddress,
                Port = o.Port,
                EnableUdp = o.UdpRtpPort > 0,
                UdpRtpPort = o.UdpRtpPort > 0 ? o.UdpRtpPort : 8000,
                UdpRtcpPort = o.UdpRtpPort > 0 ? o.UdpRtpPort + 1 : 8001,
                TrustLoopbackPublishers = o.TrustLoopbackPublishers,
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

    [LoggerMessage(EventId = 1750, Level = LogLevel.Information, Message = "RTSP relay listening on rtsp://{EndPoint}")]
    private static partial void LogListening(ILogger logger, System.Net.IPEndPoint endPoint);
}
