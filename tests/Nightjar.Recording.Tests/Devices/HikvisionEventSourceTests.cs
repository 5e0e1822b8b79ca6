using System.Globalization;
using System.Text;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Devices;
using Nightjar.Recording.Events;
using Nightjar.Recording.Signals;
using Nightjar.Recording.Tests.Devices.Support;

namespace Nightjar.Recording.Tests.Devices;

/// <summary>The event source against a simulated device over real HTTP with Digest auth.</summary>
public sealed class HikvisionEventSourceTests
{
    private const string User = "admin";
    private const string Password = "Dev1cePa55word";

    [Fact]
    public async Task Motion_ActiveThenInactive_DeliversMotionSignalsWithDigestAuth()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);
        await rig.UntilStateAsync("lobby", EventSourceState.Connected);

        var deviceTime = TimeProvider.System.GetUtcNow().AddSeconds(-1).ToOffset(TimeSpan.FromHours(1));
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD", "active", dateTime: deviceTime.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))));
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD", "inactive")));
        await rig.UntilSignalsAsync(2);

        device.Challenges.Should().BeGreaterThan(0, "the client answered a Digest challenge");
        device.Rejected.Should().Be(0);
        rig.Sink.Signals.Select(s => (s.CameraId.Value, s.Source, s.Type, s.State, s.IsMotion, s.Channel)).Should().Equal(
            ("lobby", "hikvision", "VMD", AlarmState.Active, true, 1),
            ("lobby", "hikvision", "VMD", AlarmState.Inactive, true, 1));
        rig.Sink.Signals[0].At.Should().Be(new DateTimeOffset(deviceTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, deviceTime.Offset), "the device's own time, to the second it sends");
        var status = rig.Status("lobby")!;
        status.EventsReceived.Should().Be(2);
        status.LastEventAt.Should().NotBeNull();
        status.Url.Should().Be(device.BaseUrl);
        rig.Logs.Lines.Should().NotContain(l => l.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BasicAuth_IsAnsweredToo()
    {
        await using var device = new IsapiDeviceSimulator(User, Password, SimulatorAuth.Basic);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("gate", DeviceRig.Events(device, User, Password)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);

        await stream.SendAsync(Isapi.Part(Isapi.Alert("tamperdetection")));
        await rig.UntilSignalsAsync(1);

        rig.Sink.Signals[0].Should().Match<CameraSignal>(s => s.Type == "tamperdetection" && !s.IsMotion && s.State == AlarmState.Active);
    }

    [Fact]
    public async Task SmartEvents_CarryRegionAndTarget_InXmlAndJson()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("yard", DeviceRig.Events(device, User, Password)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);

        await stream.SendAsync(Isapi.Part(Isapi.Alert("linedetection", region: "1", target: "human")));
        await stream.SendAsync(Isapi.Part(Isapi.JsonAlert("fielddetection", region: "2", target: "vehicle"), "application/json", contentLength: false));
        await stream.SendAsync(Isapi.Part(Isapi.Alert("unattendedBaggage", region: "3")));
        await rig.UntilSignalsAsync(3);

        rig.Sink.Signals.Select(s => (s.Type, s.Region, s.Target, s.IsMotion)).Should().Equal(
            ("linedetection", "1", "human", true),
            ("fielddetection", "2", "vehicle", true),
            ("unattendedBaggage", "3", null, false));
    }

    [Fact]
    public async Task Heartbeats_AreCountedButNotDelivered()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);

        await stream.SendAsync(Isapi.Part(Isapi.Heartbeat()) + Isapi.Part(Isapi.Heartbeat()) + Isapi.Part(Isapi.Alert("VMD")));
        await rig.UntilSignalsAsync(1);

        rig.Sink.Signals.Should().ContainSingle().Which.Type.Should().Be("VMD");
        rig.Status("lobby")!.Heartbeats.Should().Be(2);
        rig.Status("lobby")!.EventsReceived.Should().Be(1);
    }

    [Fact]
    public async Task Heartbeats_AreDelivered_WhenTheCameraAsksForThem()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password, reportHeartbeats: true)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);

        await stream.SendAsync(Isapi.Part(Isapi.Heartbeat()));
        await rig.UntilSignalsAsync(1);

        rig.Sink.Signals[0].Should().Match<CameraSignal>(s => s.Type == "videoloss" && s.State == AlarmState.Inactive && !s.IsMotion);
    }

    [Fact]
    public async Task DroppedConnection_IsReconnectedAndCounted()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        var first = await device.NextStreamAsync(DeviceRig.Deadline);
        await first.SendAsync(Isapi.Part(Isapi.Alert("VMD")));
        await rig.UntilSignalsAsync(1);

        first.Drop();
        var second = await device.NextStreamAsync(DeviceRig.Deadline);
        await second.SendAsync(Isapi.Part(Isapi.Alert("VMD", "inactive")));
        await rig.UntilSignalsAsync(2);

        rig.Sink.Signals.Select(s => s.State).Should().Equal(AlarmState.Active, AlarmState.Inactive);
        rig.Status("lobby")!.Reconnects.Should().BeGreaterThanOrEqualTo(1);
        device.StreamsOpened.Should().Be(2);
        await rig.UntilStateAsync("lobby", EventSourceState.Connected);
    }

    [Theory]
    [InlineData("malformed-xml")]
    [InlineData("malformed-json")]
    [InlineData("broken-boundary")]
    [InlineData("truncated-part")]
    [InlineData("endless-part")]
    public async Task DamagedStream_IsSurvivedCountedLoggedAndRecovers(string damage)
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig(options: new DeviceEventOptions
        {
            InitialBackoff = TimeSpan.FromMilliseconds(20),
            MaxBackoff = TimeSpan.FromMilliseconds(100),
            MaxTextPartBytes = 64 * 1024,
        });
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD", "active")));
        await rig.UntilSignalsAsync(1);

        await SendDamageAsync(stream, damage);
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD", "inactive")));
        await rig.UntilSignalsAsync(2);

        rig.Sink.Signals.Select(s => s.State).Should().Equal(AlarmState.Active, AlarmState.Inactive);
        var status = rig.Status("lobby")!;
        status.ParseErrors.Should().Be(1);
        status.Reconnects.Should().Be(0, "damage inside the stream does not cost the connection");
        status.State.Should().Be(EventSourceState.Connected);
        var tag = damage switch
        {
            "malformed-xml" => "xml",
            "malformed-json" => "json",
            "broken-boundary" => "boundary",
            "truncated-part" => "truncated",
            _ => "oversized",
        };
        rig.Logs.Lines.Should().Contain(l => l.StartsWith("Warning 6503", StringComparison.Ordinal) && l.Contains(tag + " error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongPassword_IsReportedAsUnauthorized()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();

        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, "wrong-password")));
        await rig.UntilStateAsync("lobby", EventSourceState.Unauthorized);

        var status = rig.Status("lobby")!;
        status.LastError.Should().Contain("401").And.Contain("rejected the credentials");
        status.NextAttemptAt.Should().BeCloseTo(status.Since + DeviceRig.FastOptions.UnauthorizedRetryDelay, TimeSpan.FromSeconds(5));
        device.Rejected.Should().Be(1, "one rejected login, then a slow retry: devices lock accounts that keep failing");
        device.StreamsOpened.Should().Be(0);
        rig.Logs.Lines.Should().NotContain(l => l.Contains("wrong-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nvr_TwoChannels_OneConnectionTwoCameras()
    {
        await using var nvr = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("door", DeviceRig.Events(nvr, User, Password, channel: 1)));
        rig.Add(DeviceRig.Camera("hall", DeviceRig.Events(nvr, User, Password, channel: 2)));
        var stream = await nvr.NextStreamAsync(DeviceRig.Deadline);

        await stream.SendAsync(
            Isapi.Part(Isapi.Alert("VMD", channel: 2)) + Isapi.Part(Isapi.Alert("VMD", channel: 1))
            + Isapi.Part(Isapi.Alert("VMD", channel: 9)) + Isapi.Part(Isapi.Alert("linedetection", channel: 2, channelElement: "dynChannelID")));
        await rig.UntilSignalsAsync(3);
        await rig.UntilAsync(() => rig.Status("door")!.EventsDropped == 1, "the channel-9 event was dropped");

        rig.Sink.Signals.Select(s => (s.CameraId.Value, s.Type, s.Channel)).Should().Equal(
            ("hall", "VMD", 2), ("door", "VMD", 1), ("hall", "linedetection", 2));
        nvr.StreamsOpened.Should().Be(1);
        rig.Supervisor.SourceCount.Should().Be(1);
        rig.Status("door")!.Channel.Should().Be(1);
        rig.Status("hall")!.Channel.Should().Be(2);
    }

    [Fact]
    public async Task KeptImages_AreTheLatestPictureOfTheCamera()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Add(DeviceRig.Camera("yard", DeviceRig.Events(device, User, Password, keepImages: true)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);

        await stream.SendAsync([.. Encoding.UTF8.GetBytes(Isapi.Part(Isapi.Alert("linedetection"))), .. Isapi.ImagePart(5_000, 0x42)]);
        await stream.SendAsync(Isapi.Part(Isapi.Alert("linedetection", "inactive")));
        await rig.UntilSignalsAsync(2);

        var image = rig.Supervisor.LatestImage(new CameraId("yard"));
        image.Should().NotBeNull();
        image!.Jpeg.Length.Should().Be(5_000);
        image.Jpeg.Span[2].Should().Be(0x42);
    }

    [Fact]
    public async Task FailingSignalPipeline_DropsEventsButKeepsTheConnection()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig();
        rig.Sink.FailWith = new InvalidOperationException("journal unavailable");
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);

        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD")));
        await rig.UntilAsync(() => rig.Status("lobby")!.EventsDropped == 1, "the event was dropped");
        rig.Sink.FailWith = null;
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD", "inactive")));
        await rig.UntilSignalsAsync(1);

        rig.Status("lobby")!.Reconnects.Should().Be(0);
        rig.Logs.Lines.Should().ContainSingle(l => l.StartsWith("Warning 6506", StringComparison.Ordinal));
    }

    private static async Task SendDamageAsync(AlertStreamConnection stream, string damage)
    {
        switch (damage)
        {
            case "malformed-xml":
                await stream.SendAsync(Isapi.Part("<EventNotificationAlert><eventType>VMD</eventType><eventState>act"));
                break;
            case "malformed-json":
                await stream.SendAsync(Isapi.Part("{\"eventType\": \"VMD\", \"eventState\": ", "application/json"));
                break;
            case "broken-boundary":
                await stream.SendAsync("--boundaryBROKEN\r\nContent-Type: application/xml\r\n\r\n" + Isapi.Alert("VMD", "inactive") + "\r\n");
                break;
            case "truncated-part":
                var alert = Isapi.Alert("VMD", "inactive");
                await stream.SendAsync(Isapi.PartHead("application/xml", Encoding.UTF8.GetByteCount(alert)) + alert[..60] + "\r\n");
                break;
            default:
                await stream.SendAsync(Isapi.PartHead("application/xml", null) + "<EventNotificationAlert>");
                var filler = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
                for (var i = 0; i < 16; i++)
                {
                    await stream.SendAsync(filler);
                }

                await stream.SendAsync("\r\n");
                break;
        }
    }
}
