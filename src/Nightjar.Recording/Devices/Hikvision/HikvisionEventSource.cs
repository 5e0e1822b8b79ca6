using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Signals;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>
/// One Hikvision device (a camera, or an NVR serving several of our cameras by channel): keeps its alert stream
/// open, reconnects with backoff, and delivers each event to the cameras that claim its channel.
/// </summary>
internal sealed partial class HikvisionEventSource : IAsyncDisposable
{
    public const string Kind = EventSourceKinds.Hikvision;

    private readonly DeviceEndpoint _endpoint;
    private readonly ICameraSignalSink _sink;
    private readonly DeviceEventOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeviceMetrics _metrics;
    private readonly ReconnectBackoff _backoff;
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, DeviceImage> _images = new();
    private FrozenDictionary<int, ImmutableArray<CameraId>> _channels;
    private SourceState _state;
    private Task _run = Task.CompletedTask;
    private long _eventsReceived;
    private long _heartbeats;
    private long _parseErrors;
    private long _reconnects;
    private long _dropped;
    private long _lastDataTicks;
    private long _lastEventTicks;
    private bool _sinkFailing;

    public HikvisionEventSource(
        DeviceEndpoint endpoint,
        IReadOnlyDictionary<int, ImmutableArray<CameraId>> channels,
        ICameraSignalSink sink,
        DeviceEventOptions options,
        TimeProvider time,
        ILogger logger,
        DeviceMetrics metrics,
        Random random)
    {
        _endpoint = endpoint;
        _sink = sink;
        _options = options;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _backoff = new ReconnectBackoff(options.InitialBackoff, options.MaxBackoff, options.BackoffJitter, random);
        _channels = channels.ToFrozenDictionary();
        _state = new SourceState(EventSourceState.Connecting, time.GetUtcNow(), null, null);
        _client = DeviceHttp.CreateClient(endpoint);
    }

    public DeviceEndpoint Endpoint => _endpoint;

    /// <summary>Starts the connection loop in the background.</summary>
    public void Start() => _run = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Cameras per channel can change without a reconnect (a camera added to an NVR already connected).</summary>
    public void UpdateChannels(IReadOnlyDictionary<int, ImmutableArray<CameraId>> channels) =>
        Volatile.Write(ref _channels, channels.ToFrozenDictionary());

    public EventSourceStatus StatusFor(int channel)
    {
        var state = Volatile.Read(ref _state);
        return new EventSourceStatus(
            Kind,
            _endpoint.DisplayUrl,
            channel,
            state.State,
            state.Since,
            state.LastError,
            state.NextAttemptAt,
            TimeOf(Interlocked.Read(ref _lastDataTicks)),
            TimeOf(Interlocked.Read(ref _lastEventTicks)),
            Interlocked.Read(ref _eventsReceived),
            Interlocked.Read(ref _heartbeats),
            Interlocked.Read(ref _parseErrors),
            Interlocked.Read(ref _reconnects),
            Interlocked.Read(ref _dropped));
    }

    public DeviceImage? LatestImage(int channel) => _images.GetValueOrDefault(channel);

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked.
        }

        _client.Dispose();
        _stop.Dispose();
        SetState(EventSourceState.Stopped, null, null);
        LogStopped(_logger, _endpoint.DisplayUrl);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var attempts = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (attempts++ > 0)
            {
                Interlocked.Increment(ref _reconnects);
                _metrics.Reconnect(Kind);
            }

            SetState(EventSourceState.Connecting, Volatile.Read(ref _state).LastError, null);
            ConnectionEnd end;
            try
            {
                end = await RunConnectionAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive any single failure; the error is reported, then retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                end = new ConnectionEnd(false, false, "unexpected failure: " + ex.GetType().Name);
                LogUnexpected(_logger, _endpoint.DisplayUrl, ex.GetType().Name);
            }

            if (end.Healthy)
            {
                failures = 0;
            }

            var delay = end.Unauthorized ? _options.UnauthorizedRetryDelay : _backoff.Next(failures++);
            SetState(end.Unauthorized ? EventSourceState.Unauthorized : EventSourceState.Failed, end.Error, _time.GetUtcNow() + delay);
            if (end.Unauthorized)
            {
                LogUnauthorized(_logger, _endpoint.DisplayUrl, end.Error, delay);
            }
            else
            {
                LogDisconnected(_logger, _endpoint.DisplayUrl, end.Error, delay);
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void SetState(EventSourceState state, string? error, DateTimeOffset? nextAttemptAt)
    {
        var current = Volatile.Read(ref _state);
        var since = current.State == state ? current.Since : _time.GetUtcNow();
        Volatile.Write(ref _state, new SourceState(state, since, error, nextAttemptAt));
    }

    private void MarkData() => Interlocked.Exchange(ref _lastDataTicks, _time.GetUtcNow().UtcTicks);

    private static DateTimeOffset? TimeOf(long utcTicks) => utcTicks == 0 ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);

    private sealed record SourceState(EventSourceState State, DateTimeOffset Since, string? LastError, DateTimeOffset? NextAttemptAt);
}
