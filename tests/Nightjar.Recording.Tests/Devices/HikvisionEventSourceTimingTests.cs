using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Nightjar.Actors.Testing;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Devices;
using Nightjar.Recording.Tests.Devices.Support;

namespace Nightjar.Recording.Tests.Devices;

/// <summary>Silence timeout, backoff and slow unauthorized retries: real sockets, a hand-moved clock.</summary>
public sealed class HikvisionEventSourceTimingTests
{
    private const string User = "admin";
    private const string Password = "Dev1cePa55word";

    private static readonly DeviceEventOptions Options = new()
    {
        SilenceTimeout = TimeSpan.FromSeconds(60),
        InitialBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(60),
        BackoffJitter = 0.2,
        UnauthorizedRetryDelay = TimeSpan.FromMinutes(5),
    };

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Heartbeats_KeepTheConnectionOpenPastTheSilenceTimeout_AndSilenceThenReconnects()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig(_clock, Options);
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);

        for (var i = 1; i <= 5; i++)
        {
            await stream.SendAsync(Isapi.Part(Isapi.Heartbeat()));
            await UntilReadingAsync(rig, () => rig.Status("lobby")!.Heartbeats == i, $"heartbeat {i} was read");
            _clock.Advance(TimeSpan.FromSeconds(50));
        }

        rig.Status("lobby")!.State.Should().Be(EventSourceState.Connected, "250 s with a heartbeat every 50 s is not silence");
        rig.Status("lobby")!.Reconnects.Should().Be(0);

        _clock.Advance(TimeSpan.FromSeconds(11));
        await rig.UntilStateAsync("lobby", EventSourceState.Failed);
        rig.Status("lobby")!.LastError.Should().Be("no data from the device for 60 s");
        await UntilWaitingAsync(rig, "lobby");
        _clock.Advance(Options.MaxBackoff);

        await device.NextStreamAsync(DeviceRig.Deadline);
        await rig.UntilStateAsync("lobby", EventSourceState.Connected);
        rig.Status("lobby")!.Reconnects.Should().Be(1);
        rig.Sink.Signals.Should().BeEmpty("heartbeats are not camera events");
    }

    [Fact]
    public async Task UnreachableDevice_BackoffDoublesWithJitterUpToTheCap()
    {
        var port = FreePort();
        await using var rig = new DeviceRig(_clock, Options);
        var events = new EventSourceDefinition(
            EventSourceKinds.Hikvision, string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"), new Credentials(User, Password));
        rig.Add(DeviceRig.Camera("lobby", events));
        var delays = new List<double>();

        for (var attempt = 0; attempt < 9; attempt++)
        {
            await rig.UntilAsync(
                () => rig.Status("lobby") is { State: EventSourceState.Failed } s && s.Reconnects == attempt && _clock.ActiveTimerCount == 1,
                $"attempt {attempt} failed and the source waits");
            var status = rig.Status("lobby")!;
            status.LastError.Should().StartWith("cannot connect");
            var delay = status.NextAttemptAt!.Value - _clock.GetUtcNow();
            delays.Add(delay.TotalSeconds);
            _clock.Advance(delay);
        }

        var expected = new[] { 1.0, 2, 4, 8, 16, 32, 60, 60, 60 };
        for (var i = 0; i < expected.Length; i++)
        {
            delays[i].Should().BeInRange(expected[i] * 0.8, Math.Min(expected[i] * 1.2, 60), $"delay {i} of {string.Join(", ", delays)}");
        }

        delays.Distinct().Count().Should().BeGreaterThan(3, "jitter varies the delays");
    }

    [Fact]
    public async Task WrongPassword_IsRetriedOnlyAfterTheLongDelay()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig(_clock, Options);
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, "wrong-password")));
        await UntilWaitingAsync(rig, "lobby");
        rig.Status("lobby")!.State.Should().Be(EventSourceState.Unauthorized);

        _clock.Advance(Options.UnauthorizedRetryDelay - TimeSpan.FromSeconds(1));
        _clock.ActiveTimerCount.Should().Be(1, "the retry is still waiting");
        rig.Status("lobby")!.Reconnects.Should().Be(0);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await rig.UntilAsync(() => device.Rejected == 2, "the second login attempt was made");
        await UntilWaitingAsync(rig, "lobby");
        rig.Status("lobby")!.State.Should().Be(EventSourceState.Unauthorized);
        rig.Status("lobby")!.Reconnects.Should().Be(1);
    }

    [Fact]
    public async Task DeviceTime_IsUsedWhenCloseToOurs_ArrivalTimeOtherwise()
    {
        await using var device = new IsapiDeviceSimulator(User, Password);
        await using var rig = new DeviceRig(_clock, Options);
        rig.Add(DeviceRig.Camera("lobby", DeviceRig.Events(device, User, Password)));
        var stream = await device.NextStreamAsync(DeviceRig.Deadline);
        var now = _clock.GetUtcNow();

        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD", dateTime: now.AddSeconds(-3).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))));
        await stream.SendAsync(Isapi.Part(Isapi.Alert("VMD", "inactive", dateTime: "2019-01-01T00:00:00+08:00")));
        await rig.UntilSignalsAsync(2);

        rig.Sink.Signals[0].At.Should().Be(now.AddSeconds(-3));
        rig.Sink.Signals[1].At.Should().Be(now, "a device clock years off is not trusted");
    }

    /// <summary>The source is back in its read loop, its silence watchdog armed (the only timer while connected).</summary>
    private Task UntilReadingAsync(DeviceRig rig, Func<bool> condition, string because) =>
        rig.UntilAsync(() => condition() && _clock.ActiveTimerCount == 1, because);

    /// <summary>The source failed and waits on its reconnect delay (the only timer then).</summary>
    private Task UntilWaitingAsync(DeviceRig rig, string camera) =>
        rig.UntilAsync(
            () => rig.Status(camera)?.NextAttemptAt is not null && _clock.ActiveTimerCount == 1,
            "the source waits to reconnect");

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
