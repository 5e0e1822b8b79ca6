using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Recording.Devices;
using Nightjar.Recording.Events;
using Nightjar.Recording.Tests.Devices.Support;
using Nightjar.Recording.Tests.Runtime.Support;
using Nightjar.Recording.Tests.Signals;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Devices;

/// <summary>
/// Device to journal: the simulated device's alert stream through the event source into the real signal pipeline
/// (SQLite journal), which turns it into motion started/stopped and camera events, repeated actives counted once.
/// </summary>
public sealed class DeviceToMotionTests
{
    private const string User = "admin";
    private const string Password = "Dev1cePa55word";

    [Fact]
    public async Task MotionActiveThenInactive_BecomesOneMotionWindowAndCameraEventsWithRegionAndTarget()
    {
        await using var signals = await SignalHarness.StartAsync();
        await using var device = new IsapiDeviceSimulator(User, Password);
        var protector = Protectors.Create();
        await using var supervisor = new DeviceEventSupervisor(signals.Pipeline, protector, DeviceRig.FastOptions, signals.Time, NullLoggerFactory.Instance);
        supervisor.Apply(CameraRegistry.Empty.Apply(CameraAdded.Create(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)), protector)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);

        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD")) + Isapi.Part(Isapi.Alert("VMD")) + Isapi.Part(Isapi.Alert("VMD")));
        await Poll.UntilAsync(async () => (await signals.EventsAsync<MotionStarted>(SignalHarness.Lobby)).Count == 1, DeviceRig.Deadline, "motion started");
        signals.Time.Advance(TimeSpan.FromSeconds(5));
        await stream.SendAsync(Isapi.Part(Isapi.Alert("linedetection", region: "1", target: "human")) + Isapi.Part(Isapi.Heartbeat()));
        await Poll.UntilAsync(async () => (await signals.EventsAsync<CameraEventReported>(SignalHarness.Lobby)).Count == 2, DeviceRig.Deadline, "the line crossing was journaled");
        signals.Time.Advance(TimeSpan.FromSeconds(5));
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD", "inactive")) + Isapi.Part(Isapi.Alert("linedetection", "inactive", region: "1", target: "human")));
        await Poll.UntilAsync(async () => (await signals.EventsAsync<MotionStopped>(SignalHarness.Lobby)).Count == 1, DeviceRig.Deadline, "motion stopped");

        var started = (await signals.EventsAsync<MotionStarted>(SignalHarness.Lobby)).Single();
        var stopped = (await signals.EventsAsync<MotionStopped>(SignalHarness.Lobby)).Single();
        started.At.Should().Be(SignalHarness.T0);
        stopped.At.Should().Be(SignalHarness.T0.AddSeconds(10));
        var reported = await signals.EventsAsync<CameraEventReported>(SignalHarness.Lobby);
        reported.Select(e => (e.Type, e.State, e.Source, e.Region, e.Target, e.IsMotion)).Should().Equal(
            ("VMD", AlarmState.Active, "hikvision", null, null, true),
            ("linedetection", AlarmState.Active, "hikvision", "1", "human", true),
            ("VMD", AlarmState.Inactive, "hikvision", null, null, true),
            ("linedetection", AlarmState.Inactive, "hikvision", "1", "human", true));
    }
}
