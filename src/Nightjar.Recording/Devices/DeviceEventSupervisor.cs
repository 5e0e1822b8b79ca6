using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Devices.Hikvision;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Signals;

namespace Nightjar.Recording.Devices;

/// <summary>
/// Runs one event source per device for the enabled cameras whose <c>events.kind</c> is <c>hikvision</c>, following
/// the camera registry: <see cref="Apply"/> each new registry and sources start, stop or take new channels. In a
/// cluster only the cameras this node owns (<see cref="ICameraOwnership"/>) get a source: every node connecting to the
/// device would report each of its events once per node.
/// </summary>
/// <remarks>
/// Cameras share a connection when their event sources have the same URL, login and options: an NVR serving eight of
/// our cameras gets one alert stream, whose events go to the camera that claims their channel. Adding or removing a
/// camera of a connected NVR only changes that mapping; the connection stays.
/// </remarks>
public sealed partial class DeviceEventSupervisor : IEventSourceStatusProvider, IAsyncDisposable
{
    private readonly ICameraSignalSink _sink;
    private readonly ICameraOwnership? _ownership;
    private readonly ISecretProtector _protector;
    private readonly DeviceEventOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly DeviceMetrics _metrics;
    private readonly Random _random = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<DeviceEndpoint, HikvisionEventSource> _sources = [];
    private readonly List<Task> _stopping = [];
    private FrozenDictionary<CameraId, Binding> _cameras = FrozenDictionary<CameraId, Binding>.Empty;
    private CameraRegistry? _applied;
    private int _ownershipVersion;
    private int _appliedOwnershipVersion;
    private bool _disposed;

    /// <param name="sink">Where device events go (the node's signal pipeline).</param>
    /// <param name="protector">Decrypts the event sources' passwords.</param>
    /// <param name="options">Reconnect, silence and image settings; validated here.</param>
    /// <param name="time">The clock of backoffs and the silence watchdog.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="meterFactory">Creates the device meter; optional.</param>
    /// <param name="ownership">Which cameras this node records; null on a single node (all of them).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public DeviceEventSupervisor(
        ICameraSignalSink sink,
        ISecretProtector protector,
        DeviceEventOptions options,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IMeterFactory? meterFactory = null,
        ICameraOwnership? ownership = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException("Invalid device event options: " + string.Join("; ", problems), nameof(options));
        }

        _sink = sink;
        _protector = protector;
        _options = options;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DeviceEventSupervisor>();
        _metrics = new DeviceMetrics(meterFactory);
        _ownership = ownership;
        if (ownership is not null)
        {
            // The next Apply re-reads the registry even if it is the same snapshot: the cameras to serve changed.
            ownership.Changed += () => Interlocked.Increment(ref _ownershipVersion);
        }
    }

    /// <summary>Device connections running now.</summary>
    public int SourceCount
    {
        get
        {
            lock (_lock)
            {
                return _sources.Count;
            }
        }
    }

    /// <summary>Starts, stops and re-maps sources to match <paramref name="registry"/>; the same registry twice changes nothing.</summary>
    public void Apply(CameraRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Read before the registry is: a change of ownership during this pass is applied by the next one.
            var ownershipVersion = Volatile.Read(ref _ownershipVersion);
            if (ReferenceEquals(registry, _applied) && ownershipVersion == _appliedOwnershipVersion)
            {
                return;
            }

            var bindings = new Dictionary<CameraId, Binding>();
            var desired = Desire(registry, bindings);
            foreach (var (endpoint, source) in _sources.Where(s => !desired.ContainsKey(s.Key)).ToList())
            {
                _sources.Remove(endpoint);
                _stopping.Add(source.DisposeAsync().AsTask());
            }

            foreach (var (endpoint, channels) in desired)
            {
                var map = channels.ToDictionary(c => c.Key, c => c.Value.ToImmutableArray());
                if (_sources.TryGetValue(endpoint, out var source))
                {
                    source.UpdateChannels(map);
                }
                else
                {
                    source = new HikvisionEventSource(
                        endpoint, map, _sink, _options, _time, _loggerFactory.CreateLogger<HikvisionEventSource>(), _metrics, _random);
                    _sources.Add(endpoint, source);
                    source.Start();
                    var device = endpoint.DisplayUrl;
                    var count = CountCameras(map);
                    LogStarting(_logger, device, count);
                }

                foreach (var (channel, cameras) in map)
                {
                    foreach (var camera in cameras)
                    {
                        bindings[camera] = new Binding(source, channel, null);
                    }
                }
            }

            _stopping.RemoveAll(t => t.IsCompleted);
            _cameras = bindings.ToFrozenDictionary();
            _applied = registry;
            _appliedOwnershipVersion = ownershipVersion;
        }
    }

    public EventSourceStatus? Find(CameraId camera)
    {
        var binding = Volatile.Read(ref _cameras).GetValueOrDefault(camera);
        return binding?.Problem ?? binding?.Source?.StatusFor(binding.Channel);
    }

    /// <summary>The latest picture the camera's device sent with an event, when its event source keeps images.</summary>
    public DeviceImage? LatestImage(CameraId camera) =>
        Volatile.Read(ref _cameras).GetValueOrDefault(camera) is { Source: { } source } binding ? source.LatestImage(binding.Channel) : null;

    /// <summary>Stops every source and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        List<Task> stopping;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            stopping = [.. _stopping, .. _sources.Values.Select(s => s.DisposeAsync().AsTask())];
            _sources.Clear();
            _stopping.Clear();
            _cameras = FrozenDictionary<CameraId, Binding>.Empty;
        }

        await Task.WhenAll(stopping);
        _metrics.Dispose();
    }

    private Dictionary<DeviceEndpoint, SortedDictionary<int, List<CameraId>>> Desire(CameraRegistry registry, Dictionary<CameraId, Binding> bindings)
    {
        var desired = new Dictionary<DeviceEndpoint, SortedDictionary<int, List<CameraId>>>();
        foreach (var camera in registry.Cameras)
        {
            if (!camera.Enabled
                || camera.Events is not { } source
                || !string.Equals(source.Kind, EventSourceKinds.Hikvision, StringComparison.Ordinal)
                || _ownership?.Owns(camera.Id) == false)
            {
                continue;
            }

            DeviceEndpoint endpoint;
            try
            {
                endpoint = DeviceEndpoint.From(source, source.ResolveCredentials(_protector));
            }
            catch (CryptographicException)
            {
                bindings[camera.Id] = new Binding(null, source.Channel, Failed(source, "the event source password cannot be decrypted with this node's keys"));
                LogUndecryptable(_logger, camera.Id.Value);
                continue;
            }
            catch (UriFormatException)
            {
                bindings[camera.Id] = new Binding(null, source.Channel, Failed(source, "the event source URL is not usable"));
                continue;
            }

            if (!desired.TryGetValue(endpoint, out var channels))
            {
                desired[endpoint] = channels = [];
            }

            if (!channels.TryGetValue(source.Channel, out var cameras))
            {
                channels[source.Channel] = cameras = [];
            }

            cameras.Add(camera.Id);
        }

        return desired;
    }

    private static int CountCameras(Dictionary<int, ImmutableArray<CameraId>> map)
    {
        var count = 0;
        foreach (var cameras in map.Values)
        {
            count += cameras.Length;
        }

        return count;
    }

    private EventSourceStatus Failed(EventSourceDefinition source, string error) => new(
        source.Kind, source.ToDisplayUrl(), source.Channel, EventSourceState.Failed, _time.GetUtcNow(), error, null, null, null, 0, 0, 0, 0, 0);

    private sealed record Binding(HikvisionEventSource? Source, int Channel, EventSourceStatus? Problem);
}
