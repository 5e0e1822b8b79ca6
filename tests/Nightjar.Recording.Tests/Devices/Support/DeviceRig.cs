using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Devices;
using Nightjar.Recording.Events;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Tests.Runtime.Support;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Devices.Support;

/// <summary>A <see cref="DeviceEventSupervisor"/> fed by a camera registry the test edits, delivering to a recording sink.</summary>
internal sealed class DeviceRig : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly ILoggerFactory _loggers;

    public DeviceRig(TimeProvider? time = null, DeviceEventOptions? options = null, ICameraOwnership? ownership = null)
    {
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        Supervisor = new DeviceEventSupervisor(Sink, Protector, options ?? FastOptions, time ?? TimeProvider.System, _loggers, ownership: ownership);
    }

    /// <summary>Quick reconnects and a silence timeout that never fires by itself, for real-time tests.</summary>
    public static DeviceEventOptions FastOptions { get; } = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
        SilenceTimeout = TimeSpan.FromMinutes(5),
        UnauthorizedRetryDelay = TimeSpan.FromMinutes(5),
    };

    public RecordingSignalSink Sink { get; } = new();

    public ISecretProtector Protector { get; } = Protectors.Create();

    public CapturingLoggerProvider Logs { get; } = new();

    public DeviceEventSupervisor Supervisor { get; }

    public CameraRegistry Registry { get; private set; } = CameraRegistry.Empty;

    public static EventSourceDefinition Events(
        IsapiDeviceSimulator device,
        string username,
        string password,
        int channel = 1,
        bool acceptSelfSigned = false,
        bool keepImages = false,
        bool reportHeartbeats = false) =>
        new(EventSourceKinds.Hikvision, device.BaseUrl, new Credentials(username, password), channel, acceptSelfSigned, keepImages, reportHeartbeats);

    public static CameraDefinition Camera(string id, EventSourceDefinition? events, bool enabled = true) => new(
        new CameraId(id),
        id,
        [new StreamDefinition("main", "rtsp://10.0.0.5/stream1", null, 1000)],
        DvrPolicy.Default,
        events,
        ImmutableSortedDictionary<string, string>.Empty,
        enabled);

    public void Add(CameraDefinition camera) => Change(CameraAdded.Create(camera, Protector));

    public void Update(CameraDefinition camera) => Change(new CameraUpdated(camera.ProtectCredentials(Protector)));

    public void Remove(string id) => Change(new CameraRemoved(new CameraId(id)));

    public EventSourceStatus? Status(string id) => Supervisor.Find(new CameraId(id));

    public Task UntilAsync(Func<bool> condition, string because) => Poll.UntilAsync(condition, Deadline, because);

    /// <summary>Waits for the camera's source to reach <paramref name="state"/>.</summary>
    public Task UntilStateAsync(string id, EventSourceState state) =>
        UntilAsync(() => Status(id)?.State == state, $"the event source of {id} is {state} (now {Status(id)?.State}, {Status(id)?.LastError})");

    public Task UntilSignalsAsync(int count) =>
        UntilAsync(() => Sink.Signals.Count >= count, $"{count} signals were delivered (so far {Sink.Signals.Count})");

    public async ValueTask DisposeAsync()
    {
        await Supervisor.DisposeAsync();
        _loggers.Dispose();
    }

    private void Change(IRecordingEvent change)
    {
        Registry = Registry.Apply(change);
        Supervisor.Apply(Registry);
    }
}
