using Nightjar.Recording.Events;
using Nightjar.Recording.Signals;
using Nightjar.Recording.Tests.Runtime.Support;
using static Nightjar.Recording.Tests.Signals.SignalHarness;

namespace Nightjar.Recording.Tests.Signals;

public sealed class CameraSignalPipelineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ReportAsync_ActiveRepeatedEverySecond_JournalsOneEventAndOneWindow()
    {
        await using var h = await StartAsync();

        var outcomes = new List<SignalOutcome>();
        for (var i = 0; i < 30; i++)
        {
            outcomes.Add(await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active));
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        outcomes[0].Should().Be(SignalOutcome.Recorded);
        outcomes.Skip(1).Should().AllBeEquivalentTo(SignalOutcome.Duplicate);
        var events = await h.EventsAsync(Lobby);
        events.Should().HaveCount(2);
        events[0].Should().Be(new CameraEventReported(Lobby, "VMD", AlarmState.Active, T0, "hikvision", IsMotion: true));
        events[1].Should().Be(new MotionStarted(Lobby, T0, "hikvision", "VMD"));
    }

    [Fact]
    public async Task ReportAsync_ActiveThenInactive_OpensAndClosesTheWindowAtTheReportedTimes()
    {
        await using var h = await StartAsync();

        (await h.ReportAsync(Lobby, "api", "motion", AlarmState.Active)).Should().Be(SignalOutcome.Recorded);
        h.Time.Advance(TimeSpan.FromSeconds(40));
        (await h.ReportAsync(Lobby, "api", "motion", AlarmState.Inactive)).Should().Be(SignalOutcome.Recorded);
        (await h.ReportAsync(Lobby, "api", "motion", AlarmState.Inactive)).Should().Be(SignalOutcome.Duplicate);

        (await h.EventsAsync(Lobby)).Should().Equal(
            new CameraAlarm(Lobby, "motion", AlarmState.Active, T0, "api", IsMotion: true),
            new MotionStarted(Lobby, T0, "api", "motion"),
            new CameraAlarm(Lobby, "motion", AlarmState.Inactive, T0.AddSeconds(40), "api", IsMotion: true),
            new MotionStopped(Lobby, T0, T0.AddSeconds(40), MotionStopReason.Stopped));
        h.Pipeline.OpenMotionWindows.Should().Be(0);
    }

    [Fact]
    public async Task ReportAsync_InactiveNeverActive_IsADuplicate()
    {
        await using var h = await StartAsync();

        (await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Inactive)).Should().Be(SignalOutcome.Duplicate);

        (await h.EventsAsync(Lobby)).Should().BeEmpty();
    }

    [Fact]
    public async Task ReportAsync_ReportOlderThanTheLastAccepted_IsDroppedAsOutOfOrder()
    {
        await using var h = await StartAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));

        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active, at: T0.AddSeconds(10));
        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Inactive, at: T0.AddSeconds(20));
        var late = await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active, at: T0.AddSeconds(15));

        late.Should().Be(SignalOutcome.Duplicate);
        var stops = await h.EventsAsync<MotionStopped>(Lobby);
        stops.Should().ContainSingle().Which.Should().Be(new MotionStopped(Lobby, T0.AddSeconds(10), T0.AddSeconds(20), MotionStopReason.Stopped));
        (await h.EventsAsync<MotionStarted>(Lobby)).Should().ContainSingle();
    }

    [Fact]
    public async Task ReportAsync_KeysDifferByRegionAndChannel_AreSeparateConditions()
    {
        await using var h = await StartAsync();

        await h.ReportAsync(Lobby, "hikvision", "linedetection", AlarmState.Active, region: "1", target: "human");
        var otherRegion = await h.ReportAsync(Lobby, "hikvision", "linedetection", AlarmState.Active, region: "2");
        var otherChannel = await h.ReportAsync(Lobby, "hikvision", "linedetection", AlarmState.Active, region: "1", channel: 2);
        var sameKeyOtherCase = await h.ReportAsync(Lobby, "hikvision", "LineDetection", AlarmState.Active, region: "1", target: "vehicle");

        otherRegion.Should().Be(SignalOutcome.Recorded);
        otherChannel.Should().Be(SignalOutcome.Recorded);
        sameKeyOtherCase.Should().Be(SignalOutcome.Duplicate);
        var reported = await h.EventsAsync<CameraEventReported>(Lobby);
        reported.Should().HaveCount(3);
        reported[0].Should().Be(new CameraEventReported(Lobby, "linedetection", AlarmState.Active, T0, "hikvision", "1", "human", null, IsMotion: true));
        (await h.EventsAsync<MotionStarted>(Lobby)).Should().ContainSingle("one window per camera");
    }

    [Fact]
    public async Task ReportAsync_TwoMotionConditions_WindowClosesWhenTheLastEnds()
    {
        await using var h = await StartAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));

        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active, at: T0);
        await h.ReportAsync(Lobby, "hikvision", "fielddetection", AlarmState.Active, at: T0.AddSeconds(5), region: "1");
        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Inactive, at: T0.AddSeconds(30));
        (await h.EventsAsync<MotionStopped>(Lobby)).Should().BeEmpty("field detection is still active");

        // Its end arrives late, stamped before the other's: the window still ends at the last report.
        await h.ReportAsync(Lobby, "hikvision", "fielddetection", AlarmState.Inactive, at: T0.AddSeconds(20), region: "1");

        (await h.EventsAsync<MotionStopped>(Lobby)).Should().ContainSingle()
            .Which.Should().Be(new MotionStopped(Lobby, T0, T0.AddSeconds(30), MotionStopReason.Stopped));
    }

    [Fact]
    public async Task ReportAsync_Pulse_IsOneAlarmAndAMomentaryWindow()
    {
        await using var h = await StartAsync();

        (await h.ReportAsync(Lobby, "trigger", "motion", AlarmState.Pulse)).Should().Be(SignalOutcome.Recorded);
        (await h.ReportAsync(Lobby, "trigger", "motion", AlarmState.Pulse)).Should().Be(SignalOutcome.Duplicate, "the same pulse at the same instant");
        h.Time.Advance(TimeSpan.FromSeconds(3));
        (await h.ReportAsync(Lobby, "trigger", "motion", AlarmState.Pulse)).Should().Be(SignalOutcome.Recorded);

        (await h.EventsAsync(Lobby)).Should().Equal(
            new CameraAlarm(Lobby, "motion", AlarmState.Pulse, T0, "trigger", IsMotion: true),
            new MotionStarted(Lobby, T0, "trigger", "motion"),
            new MotionStopped(Lobby, T0, T0, MotionStopReason.Momentary),
            new CameraAlarm(Lobby, "motion", AlarmState.Pulse, T0.AddSeconds(3), "trigger", IsMotion: true),
            new MotionStarted(Lobby, T0.AddSeconds(3), "trigger", "motion"),
            new MotionStopped(Lobby, T0.AddSeconds(3), T0.AddSeconds(3), MotionStopReason.Momentary));
    }

    [Fact]
    public async Task ReportAsync_PulseWhileAWindowIsOpen_JournalsTheAlarmOnly()
    {
        await using var h = await StartAsync();
        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active);
        h.Time.Advance(TimeSpan.FromSeconds(2));

        (await h.ReportAsync(Lobby, "trigger", "motion", AlarmState.Pulse)).Should().Be(SignalOutcome.Recorded);

        (await h.EventsAsync<CameraAlarm>(Lobby)).Should().ContainSingle();
        (await h.EventsAsync<MotionStarted>(Lobby)).Should().ContainSingle();
        (await h.EventsAsync<MotionStopped>(Lobby)).Should().BeEmpty();
        h.Pipeline.OpenMotionWindows.Should().Be(1);
    }

    [Fact]
    public async Task ReportAsync_NonMotionType_JournalsTheEventWithoutAWindow()
    {
        await using var h = await StartAsync();

        await h.ReportAsync(Lobby, "hikvision", "tamperdetection", AlarmState.Active);
        await h.ReportAsync(Lobby, "api", "door", AlarmState.Active);

        var events = await h.EventsAsync(Lobby);
        events.Should().HaveCount(2);
        events.Should().NotContain(e => e is MotionStarted);
        events[1].Should().Be(new CameraAlarm(Lobby, "door", AlarmState.Active, T0, "api", IsMotion: false));
    }

    [Fact]
    public async Task ReportAsync_TimeInTheFuture_IsTakenAsNow()
    {
        await using var h = await StartAsync();

        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active, at: T0.AddHours(2));

        (await h.EventsAsync<MotionStarted>(Lobby)).Should().ContainSingle().Which.At.Should().Be(T0);
    }

    [Fact]
    public async Task ReportAsync_UnknownCamera_AnswersUnknownAndJournalsNothing()
    {
        await using var h = await StartAsync();

        var outcome = await h.ReportAsync(new("nowhere"), "api", "motion", AlarmState.Active);

        outcome.Should().Be(SignalOutcome.UnknownCamera);
        (await h.Journal.ReadAllAsync(Nightjar.Persistence.JournalOffset.Start, 100, CancellationToken.None)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "motion")]
    [InlineData("api", "")]
    [InlineData("api", "has space")]
    [InlineData("api", "x\u0001")]
    [InlineData("api", "ünïcode")]
    public async Task ReportAsync_MalformedSignal_ThrowsAndJournalsNothing(string source, string type)
    {
        await using var h = await StartAsync();

        var act = () => h.ReportAsync(Lobby, source, type, AlarmState.Active);

        await act.Should().ThrowAsync<ArgumentException>();
        (await h.EventsAsync(Lobby)).Should().BeEmpty();
    }

    [Fact]
    public async Task ReportAsync_TypeLongerThan64_Throws()
    {
        await using var h = await StartAsync();

        var act = () => h.ReportAsync(Lobby, "api", new string('a', 65), AlarmState.Active);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task ReportAsync_ConcurrentRepeats_JournalOnce()
    {
        await using var h = await StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active)));

        outcomes.Count(o => o == SignalOutcome.Recorded).Should().Be(1);
        (await h.EventsAsync(Lobby)).Should().HaveCount(2);
    }

    [Fact]
    public async Task MaxDuration_WindowOpenTooLong_ClosesAtStartPlusMaximum()
    {
        await using var h = await StartAsync(new SignalPipelineOptions { MaxMotionLength = TimeSpan.FromMinutes(10), SourceCheckInterval = TimeSpan.FromHours(1) });
        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active);

        h.Time.Advance(TimeSpan.FromMinutes(10));
        await Poll.UntilAsync(async () => (await h.EventsAsync<MotionStopped>(Lobby)).Count == 1, Deadline, "the max-duration timer closed the window");

        (await h.EventsAsync<MotionStopped>(Lobby)).Single().Should().Be(new MotionStopped(Lobby, T0, T0.AddMinutes(10), MotionStopReason.MaxDuration));
        h.Pipeline.OpenMotionWindows.Should().Be(0);

        // The stuck condition does not reopen a window; a new one does.
        h.Time.Advance(TimeSpan.FromSeconds(1));
        (await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active)).Should().Be(SignalOutcome.Duplicate);
        (await h.ReportAsync(Lobby, "hikvision", "fielddetection", AlarmState.Active)).Should().Be(SignalOutcome.Recorded);
        (await h.EventsAsync<MotionStarted>(Lobby)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Restart_OpenWindow_IsStillOpenAndClosesOnInactive()
    {
        await using var h = await StartAsync();
        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active);
        await h.ReportAsync(Lobby, "hikvision", "linedetection", AlarmState.Active, region: "3");

        await h.RestartAsync();
        h.Time.Advance(TimeSpan.FromSeconds(20));

        (await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active)).Should().Be(SignalOutcome.Duplicate, "the recovered state remembers it");
        (await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Inactive)).Should().Be(SignalOutcome.Recorded);
        (await h.EventsAsync<MotionStopped>(Lobby)).Should().BeEmpty("the line detection recovered as an active motion condition");
        (await h.ReportAsync(Lobby, "hikvision", "linedetection", AlarmState.Inactive, region: "3")).Should().Be(SignalOutcome.Recorded);
        (await h.EventsAsync<MotionStopped>(Lobby)).Should().ContainSingle()
            .Which.Should().Be(new MotionStopped(Lobby, T0, T0.AddSeconds(20), MotionStopReason.Stopped));
    }

    [Fact]
    public async Task Restart_ResumeAsync_RunsTheMaxDurationTimerWithoutANewSignal()
    {
        await using var h = await StartAsync(new SignalPipelineOptions { MaxMotionLength = TimeSpan.FromMinutes(30), SourceCheckInterval = TimeSpan.FromHours(2) });
        await h.ReportAsync(Gate, "api", "motion", AlarmState.Active);
        h.Time.Advance(TimeSpan.FromMinutes(20));

        await h.RestartAsync();
        await h.Pipeline.ResumeAsync([Gate], CancellationToken.None);
        h.Pipeline.OpenMotionWindows.Should().Be(1);
        h.Time.Advance(TimeSpan.FromMinutes(10));

        await Poll.UntilAsync(async () => (await h.EventsAsync<MotionStopped>(Gate)).Count == 1, Deadline, "the recovered actor closed the window at its maximum");
        (await h.EventsAsync<MotionStopped>(Gate)).Single().Should().Be(new MotionStopped(Gate, T0, T0.AddMinutes(30), MotionStopReason.MaxDuration));
    }

    [Fact]
    public async Task Restart_WindowPastItsMaximumWhileDown_ClosesAtOnce()
    {
        await using var h = await StartAsync(new SignalPipelineOptions { MaxMotionLength = TimeSpan.FromMinutes(30) });
        await h.ReportAsync(Gate, "api", "motion", AlarmState.Active);
        await h.RestartAsync();
        h.Time.Advance(TimeSpan.FromHours(3));

        await h.Pipeline.ResumeAsync([Gate], CancellationToken.None);

        await Poll.UntilAsync(async () => (await h.EventsAsync<MotionStopped>(Gate)).Count == 1, Deadline, "the overdue window was closed");
        (await h.EventsAsync<MotionStopped>(Gate)).Single().At.Should().Be(T0.AddMinutes(30));
    }

    [Fact]
    public async Task CameraRemoved_OpenWindow_ClosesWithSourceLost()
    {
        await using var h = await StartAsync(new SignalPipelineOptions { SourceCheckInterval = TimeSpan.FromSeconds(10) });
        await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        h.Cameras.Remove("lobby");

        h.Time.Advance(TimeSpan.FromSeconds(5));
        await Poll.UntilAsync(async () => (await h.EventsAsync<MotionStopped>(Lobby)).Count == 1, Deadline, "the source check closed the window");

        (await h.EventsAsync<MotionStopped>(Lobby)).Single().Should().Be(new MotionStopped(Lobby, T0, T0.AddSeconds(10), MotionStopReason.SourceLost));
        (await h.ReportAsync(Lobby, "hikvision", "VMD", AlarmState.Active)).Should().Be(SignalOutcome.UnknownCamera);
        var state = await h.Pipeline.GetStateAsync(Lobby, CancellationToken.None);
        state.Keys.Should().BeEmpty("a lost source's conditions are void");
    }
}
