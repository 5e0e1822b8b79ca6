using System.Diagnostics.Metrics;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Devices;
using Nightjar.Recording.Events;
using Nightjar.Recording.Tests.Devices.Support;
using Nightjar.Recording.Tests.Runtime.Support;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Devices;

public sealed class DeviceEventSupervisorTests
{
    private const string User = "admin";
    private const string Password = "Dev1cePa55word";

    [Fact]
    public async Task Apply_CameraAddedChangedRemoved_StartsMovesAndStopsItsSource()
    {
        await using var first = new IsapiDeviceSimulator(User, Password);
        await using var second = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();

        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(first, User, Password)));
        await first.NextStreamAsync(DeviceRig.Deadline);
        rig.Supervisor.SourceCount.Should().Be(1);

        rig.Update(DeviceRig.Camera("lobby", DeviceRig.Events(second, User, Password)));
        var moved = await second.NextStreamAsync(DeviceRig.Deadline);
        rig.Supervisor.SourceCount.Should().Be(1);
        await moved.SendAsync(Isapi.Part(Isapi.Alert("VMD")));
        await rig.UntilSignalsAsync(1);
        rig.Status("lobby")!.Url.Should().Be(second.BaseUrl);

        rig.Remove("lobby");
        rig.Supervisor.SourceCount.Should().Be(0);
        rig.Status("lobby").Should().BeNull();
    }

    [Fact]
    public async Task Apply_InACluster_ConnectsOnlyWhileThisNodeOwnsTheCamera()
    {
        // Every node connecting to the device would report each event once per node.
        await using var device = new IsapiDeviceSimulator(User, Password);
        var ownership = new SettableOwnership();
        await using var rig = new DeviceRig(ownership: ownership);
        var lobby = new CameraId("lobby");

        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        rig.Supervisor.SourceCount.Should().Be(0, "another node owns the camera");
        rig.Status("lobby").Should().BeNull();

        ownership.Grant(lobby);
        rig.Supervisor.Apply(rig.Registry);
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD")));
        await rig.UntilSignalsAsync(1);

        ownership.Revoke(lobby);
        rig.Supervisor.Apply(rig.Registry);
        rig.Supervisor.SourceCount.Should().Be(0, "the camera moved to another node");
        device.StreamsOpened.Should().Be(1);
    }

    [Fact]
    public async Task Apply_CamerasWithoutHikvisionEventsOrDisabled_GetNoSource()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();

        rig.Add(DeviceRig.Camera("plain", null));
        rig.Add(DeviceRig.Camera("off", DeviceRig.Events(device, User, Password), enabled: false));

        rig.Supervisor.SourceCount.Should().Be(0);
        rig.Status("plain").Should().BeNull();
        rig.Status("off").Should().BeNull();

        rig.Update(DeviceRig.Camera("off", DeviceRig.Events(device, User, Password), enabled: true));
        await device.NextStreamAsync(DeviceRig.Deadline);
        rig.Supervisor.SourceCount.Should().Be(1);
    }

    [Fact]
    public async Task Apply_SecondCameraOfAConnectedNvr_KeepsTheConnection()
    {
        await using var nvr = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("door", DeviceRig.Events(nvr, User, Password, channel: 1)));
        var stream = await nvr.NextStreamAsync(DeviceRig.Deadline);
        await rig.UntilStateAsync("door", EventSourceState.Connected);

        rig.Add(DeviceRig.Camera("hall", DeviceRig.Events(nvr, User, Password, channel: 2)));
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD", channel: 2)));
        await rig.UntilSignalsAsync(1);

        rig.Sink.Signals[0].CameraId.Should().Be(new CameraId("hall"));
        nvr.StreamsOpened.Should().Be(1);
        rig.Status("hall")!.State.Should().Be(EventSourceState.Connected);
    }

    [Fact]
    public async Task Apply_SameDeviceWithOtherCredentials_IsAnotherConnection()
    {
        await using var nvr = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();

        rig.Add(DeviceRig.Camera("door", DeviceRig.Events(nvr, User, Password, channel: 1)));
        rig.Add(DeviceRig.Camera("hall", DeviceRig.Events(nvr, User, "another", channel: 2)));

        rig.Supervisor.SourceCount.Should().Be(2);
        await rig.UntilStateAsync("hall", EventSourceState.Unauthorized);
        await rig.UntilStateAsync("door", EventSourceState.Connected);
    }

    [Fact]
    public async Task Apply_PasswordProtectedWithOtherKeys_IsAFailedStatusNotACrash()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        var foreign = DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)).ProtectCredentials(Protectors.Create());

        var registry = CameraRegistry.Empty.Apply(new CameraAdded(foreign));
        rig.Supervisor.Apply(registry);

        var status = rig.Status("lobby")!;
        status.State.Should().Be(EventSourceState.Failed);
        status.LastError.Should().Contain("cannot be decrypted");
        rig.Supervisor.SourceCount.Should().Be(0);
    }

    [Fact]
    public async Task Apply_TheSameRegistryAgain_ChangesNothing()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        await device.NextStreamAsync(DeviceRig.Deadline);
        await rig.UntilStateAsync("lobby", EventSourceState.Connected);

        rig.Supervisor.Apply(rig.Registry);
        rig.Supervisor.Apply(CameraRegistry.Empty.Apply(new CameraAdded(rig.Registry.Find(new CameraId("lobby"))!)));

        rig.Supervisor.SourceCount.Should().Be(1);
        rig.Status("lobby")!.State.Should().Be(EventSourceState.Connected);
        device.StreamsOpened.Should().Be(1);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var create = () => new DeviceEventSupervisor(
            new RecordingSignalSink(), Protectors.Create(), new DeviceEventOptions { MaxBackoff = TimeSpan.Zero }, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        create.Should().Throw<ArgumentException>().WithMessage("*MaxBackoff*");
    }

    [Fact]
    public async Task Metrics_CountEventsErrorsReconnectsAndConnections()
    {
        var measurements = new System.Collections.Concurrent.ConcurrentQueue<(string Name, long Value, string Tags)>();
        var meterFactory = new TestMeterFactory();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meterFactory.Owns(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        await using var device = new IsapiDeviceSimulator(User, Password);
        var sink = new RecordingSignalSink();
        var protector = Protectors.Create();
        await using (var supervisor = new DeviceEventSupervisor(
            sink, protector, DeviceRig.FastOptions, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, meterFactory))
        {
            supervisor.Apply(CameraRegistry.Empty.Apply(CameraAdded.Create(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)), protector)));
            var stream = await device.NextStreamAsync(DeviceRig.Deadline);
            await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD")) + Isapi.Part(Isapi.Heartbeat()) + Isapi.Part("<broken"));
            await Runtime.Support.Poll.UntilAsync(() => supervisor.Find(new CameraId("lobby"))!.ParseErrors == 1, DeviceRig.Deadline, "the parts were read");
            listener.RecordObservableInstruments();
            stream.Drop();
            await device.NextStreamAsync(DeviceRig.Deadline);
            await Runtime.Support.Poll.UntilAsync(() => supervisor.Find(new CameraId("lobby"))!.Reconnects >= 1, DeviceRig.Deadline, "it reconnected");
        }

        var all = measurements.ToArray();
        all.Should().Contain(("nightjar.devices.events.received", 1, "kind=hikvision,type=VMD"));
        all.Should().Contain(("nightjar.devices.events.received", 1, "kind=hikvision,type=videoloss"));
        all.Should().Contain(("nightjar.devices.parse.errors", 1, "kind=hikvision,error=xml"));
        all.Should().Contain(m => m.Name == "nightjar.devices.reconnects" && m.Tags == "kind=hikvision");
        all.Should().Contain(("nightjar.devices.connected", 1, string.Empty));
    }

    /// <summary>An <see cref="IMeterFactory"/> whose meters a test can tell from those of tests running beside it.</summary>
    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            lock (_meters)
            {
                _meters.Add(meter);
            }

            return meter;
        }

        public bool Owns(Meter meter) => ReferenceEquals(meter.Scope, this);

        public void Dispose()
        {
            lock (_meters)
            {
                _meters.ForEach(m => m.Dispose());
            }
        }
    }
}
