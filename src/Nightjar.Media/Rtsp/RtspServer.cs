using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// RTSP/1.0 relay server (RFC 2326): publishers push a stream into a path (ANNOUNCE/SETUP record/RECORD, RTP
/// interleaved over TCP); any number of readers play it (DESCRIBE/SETUP/PLAY over TCP interleaved or UDP unicast).
/// Packets are forwarded unchanged; each reader has a bounded queue and a slow reader is dropped, never slowing the
/// publisher or the others. New readers start on the cached last GOP.
/// </summary>
public sealed partial class RtspServer : IAsyncDisposable
{
    private readonly RtspServerOptions _options;
    private readonly RtspServerContext _context;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly RtspMetrics _metrics;
    private readonly ConcurrentDictionary<RtspConnection, Task> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task? _acceptLoop;
    private Task? _udpLoop;
    private ITimer? _sweepTimer;
    private int _state;

    /// <param name="options">Validated here; a bad value throws <see cref="ArgumentException"/> naming it.</param>
    /// <param name="authenticator">Null lets everyone read and publish (tests, trusted networks).</param>
    /// <param name="loggerFactory">Logs under category <c>Nightjar.Media.Rtsp.RtspServer</c>.</param>
    /// <param name="timeProvider">All timeouts and nonce expiry use it.</param>
    /// <param name="meterFactory">Creates the <c>Nightjar.Media</c> meter; without it the server owns its own meter.</param>
    public RtspServer(
        RtspServerOptions options,
        IRtspAuthenticator? authenticator = null,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RtspServer>();
        _metrics = new RtspMetrics(meterFactory);
        _context = new RtspServerContext(options, authenticator, _logger, _time, _metrics);
    }

    /// <summary>The TCP endpoint the server listens on (with the real port when <see cref="RtspServerOptions.Port"/> is 0).</summary>
    public IPEndPoint LocalEndPoint =>
        _listener?.LocalEndPoint as IPEndPoint ?? throw new InvalidOperationException("The RTSP server is not started.");

    /// <summary>Server RTP/RTCP ports for UDP readers, or null when UDP is disabled or the server is not started.</summary>
    public (int Rtp, int Rtcp)? UdpPorts => _context.Udp is { } udp ? (udp.RtpPort, udp.RtcpPort) : null;

    /// <summary>Open sessions (publishers and readers).</summary>
    public int SessionCount => _context.SessionCount;

    /// <summary>Open TCP connections.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>The meter this server records on (named <c>Nightjar.Media</c>).</summary>
    public Meter Meter => _metrics.Meter;

    /// <summary>Binds the sockets and starts accepting. Throws <see cref="SocketException"/> if a port is taken.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The RTSP server can be started once.");
        }

        var address = IPAddress.Parse(_options.BindAddress);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // No explicit ReuseAddress: .NET on Linux already sets SO_REUSEADDR, and the option would add
            // SO_REUSEPORT, letting a second server silently share (and split) the port.
            listener.Bind(new IPEndPoint(address, _options.Port));
            listener.Listen(512);
            if (_options.EnableUdp)
            {
                _context.Udp = UdpTransport.Bind(address, _options.UdpRtpPort, _options.UdpRtcpPort);
            }
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        _context.LocalEndPoint = LocalEndPoint;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, _stopping.Token), CancellationToken.None);
        if (_context.Udp is { } udp)
        {
            _udpLoop = udp.RunAsync(_context.OnUdpPacket, _stopping.Token);
        }

        _sweepTimer = _time.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        LogStarted(_logger, LocalEndPoint, UdpPorts?.Rtp ?? 0, UdpPorts?.Rtcp ?? 0);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, disconnects every client and ends every session.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener?.Dispose();
        if (_sweepTimer is not null)
        {
            await _sweepTimer.DisposeAsync();
        }

        foreach (var connection in _connections.Keys)
        {
            connection.Abort("server stopping");
        }

        var pending = new List<Task>(_connections.Values);
        if (_acceptLoop is not null)
        {
            pending.Add(_acceptLoop);
        }

        if (_udpLoop is not null)
        {
            pending.Add(_udpLoop);
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken);
        }
        finally
        {
            _context.CloseAllSessions("server stopping");
            _context.Udp?.Dispose();
            LogStopped(_logger);
        }
    }

    /// <summary>Paths that have a publisher, with their reader counts (for the API, dashboards and live previews).</summary>
    public IReadOnlyList<RtspPathInfo> GetPaths()
    {
        var paths = _context.Paths.Snapshot();
        var result = new List<RtspPathInfo>(paths.Length);
        foreach (var path in paths)
        {
            result.Add(Describe(path));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return result;
    }

    /// <summary>One path (without leading slash), or null when nobody publishes it.</summary>
    public RtspPathInfo? GetPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _context.Paths.Find(path.Trim('/')) is { } found ? Describe(found) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == 1)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), _time);
            try
            {
                await StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Shutting down anyway.
            }
        }

        Interlocked.Exchange(ref _state, 2);
        _listener?.Dispose();
        _context.Udp?.Dispose();
        _stopping.Dispose();
        _metrics.Dispose();
    }

    private RtspPathInfo Describe(StreamPath path)
    {
        var tracks = new RtspTrackInfo[path.Sdp.Media.Count];
        for (var i = 0; i < tracks.Length; i++)
        {
            var media = path.Sdp.Media[i];
            tracks[i] = new RtspTrackInfo(i, media.MediaType, media.EncodingName, media.ClockRate);
        }

        return new RtspPathInfo(path.Name, path.Idle < _options.PublisherTimeout, path.ReaderCount, path.PublishedAt, tracks, path.PacketsIn, path.BytesIn);
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogAcceptFailed(_logger, ex);
                continue;
            }

            if (_connections.Count >= _options.MaxConnections)
            {
                LogConnectionLimit(_logger, socket.RemoteEndPoint, _options.MaxConnections);
                socket.Dispose();
                continue;
            }

            socket.NoDelay = true;
            if (_options.ReaderSendBufferBytes is { } sendBuffer)
            {
                socket.SendBufferSize = sendBuffer;
            }

            var connection = new RtspConnection(_context, socket);
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var run = RunConnectionAsync(connection, gate.Task, cancellationToken);
            _connections[connection] = run;
            gate.SetResult();
        }
    }

    private async Task RunConnectionAsync(RtspConnection connection, Task registered, CancellationToken cancellationToken)
    {
        await registered;
        try
        {
            await connection.RunAsync(cancellationToken);
        }
#pragma warning disable CA1031 // A bug in one connection must never take the server down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogConnectionFailed(_logger, ex, connection.Remote);
            connection.Abort("internal error");
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            connection.Dispose();
        }
    }

    private void Sweep()
    {
        try
        {
            foreach (var connection in _connections.Keys)
            {
                connection.CheckTimeouts();
            }

            _context.SweepSessions();
        }
#pragma warning disable CA1031 // The timer must keep running.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSweepFailed(_logger, ex);
        }
    }
}
