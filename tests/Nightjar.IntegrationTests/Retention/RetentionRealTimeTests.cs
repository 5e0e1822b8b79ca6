using System.Globalization;
using System.Text.Json;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Server.Tests.Support;

namespace Nightjar.IntegrationTests.Retention;

/// <summary>
/// Retention in real time with real recording (issue 5, "done when"): a camera with depth <c>2m</c> and motion depth
/// <c>5m</c>, an alarm at a known time; four minutes after recording began, what lies outside the alarm window and
/// is older than two minutes is gone from the index and from the disk, and the alarm window and the last two minutes
/// remain. The only long test of the retention suite (about 4.5 minutes), under a hard deadline.
/// </summary>
public sealed class RetentionRealTimeTests : IAsyncLifetime
{
    private const string Camera = "yard";
    private static readonly TimeSpan Depth = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PreAlarm = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PostAlarm = TimeSpan.FromSeconds(30);

    // A pass every 5 s, 4 s segments, and the deletion itself: what "gone" may lag behind "expired".
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(15);

    private readonly TempDirectory _data = new();
    private GstRtspCamera _camera = null!;
    private RetentionNode? _node;

    private string Root => Path.Combine(_data.Path, "recordings");

    public async Task InitializeAsync() => _camera = await GstRtspCamera.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await _camera.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public Task DepthTwoMinutesAndAnAlarm_AfterFourMinutes_OnlyTheAlarmWindowAndTheLastTwoMinutesRemain() =>
        HardDeadline.RunAsync(RunAsync, TimeSpan.FromMinutes(7), "the real-time retention scenario (hard deadline)");

    private async Task RunAsync()
    {
        _node = await RetentionNode.StartAsync(_data.Path, new Dictionary<string, string>
        {
            ["Recording:SegmentSeconds"] = "4",
            ["Retention:PassIntervalSeconds"] = "5",
            // This test is about depth: keep the disk's real free space out of it.
            ["Retention:MinFree"] = "1MB",
        });
        await _node.AddCameraAsync(Camera, _camera.Url(), new { depth = "2m", motionDepth = "5m" });
        var database = new ArchiveDatabase(_data.Path);

        await Wait.UntilAsync(() => database.Segments().Count > 0, TimeSpan.FromSeconds(60), "the first recorded segment");
        var recordingBegan = database.Segments()[0].Start;

        // The alarm: active 45 s into the recording, inactive 10 s later. Window: [45 - 10, 55 + 30] = [35 s, 85 s].
        await UntilClockAsync(recordingBegan.AddSeconds(45));
        await _node.PostAsync($"/api/v1/cameras/{Camera}/alarms", new { type = "motion", state = "active" });
        await UntilClockAsync(DateTimeOffset.UtcNow.AddSeconds(10));
        await _node.PostAsync($"/api/v1/cameras/{Camera}/alarms", new { type = "motion", state = "inactive" });

        // The window as the node journaled it, not as this process guessed it.
        var started = database.Events("motion.started.v1").Should().ContainSingle().Subject.Time("at");
        var stopped = database.Events("motion.stopped.v1").Should().ContainSingle().Subject.Time("at");
        var windowFrom = started - PreAlarm;
        var windowTo = stopped + PostAlarm;

        var checkAt = recordingBegan.AddMinutes(4);
        await UntilClockAsync(checkAt);

        // From four minutes on, one pass and its deletions may still be under way: wait for them, boundedly.
        await Wait.UntilAsync(
            () => ExpiredOutsideWindow(database.Segments(), DateTimeOffset.UtcNow, windowFrom, windowTo).Count == 0,
            Slack,
            "the segments outside the alarm window and older than two minutes to be deleted");

        var rows = database.Segments().Where(r => r.State == CatalogRow.Recorded).ToList();
        var now = DateTimeOffset.UtcNow;
        var files = StorageFiles.Under(Root);

        // Gone: outside the window and past the depth (with the lag a pass may have).
        ExpiredOutsideWindow(rows, now, windowFrom, windowTo).Should().BeEmpty("segments outside the alarm window older than the depth are deleted");

        // Kept: everything overlapping the alarm window, and everything younger than the depth.
        rows.Where(r => r.Overlaps(windowFrom, windowTo)).Should().NotBeEmpty("the alarm window's segments are kept for the motion depth");
        rows.Should().Contain(r => r.End > now - Depth, "the last two minutes are kept");
        var deleted = database.Events("segment.deleted.v1");
        deleted.Should().HaveCountGreaterThan(5, "the first minutes and the time between the window and the depth were recorded, then deleted");
        deleted.Should().AllSatisfy(e =>
        {
            e.Text("reason").Should().Be("expired");
            e.Text("protection").Should().Be("none");
            var (from, to) = (e.Time("start"), e.Time("end"));
            (from < windowTo && to > windowFrom).Should().BeFalse($"segment {from:O}..{to:O} overlaps the alarm window {windowFrom:O}..{windowTo:O}");
            to.Should().BeOnOrBefore(e.WrittenAt - Depth + TimeSpan.FromSeconds(1), "only segments past the depth when deleted are deleted");
            files.Should().NotContain(e.Text("path"), "a deleted segment's file is unlinked");
        });

        // The index and the disk agree on what is kept.
        rows.Select(r => r.Path).Should().BeSubsetOf(files, "every indexed segment has its file");

        await AssertTimelineAsync(recordingBegan, now, windowFrom, windowTo);
        await AssertReportAsync();
    }

    /// <summary>The timeline API: recorded ranges only around the window and in the last two minutes.</summary>
    private async Task AssertTimelineAsync(DateTimeOffset recordingBegan, DateTimeOffset now, DateTimeOffset windowFrom, DateTimeOffset windowTo)
    {
        var from = recordingBegan.AddSeconds(-30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var timeline = await _node!.GetAsync($"/api/v1/cameras/{Camera}/recordings?from={from}&to=now");
        var recorded = timeline.GetProperty("recorded").EnumerateArray()
            .Select(r => (From: r.GetProperty("from").GetDateTimeOffset(), To: r.GetProperty("to").GetDateTimeOffset()))
            .ToList();
        recorded.Should().HaveCountGreaterThanOrEqualTo(2, "the alarm window and the last two minutes are two separate recorded ranges");
        recorded.Should().AllSatisfy(r =>
            ((r.From < windowTo && r.To > windowFrom) || r.To > now - Depth - Slack).Should().BeTrue(
                $"recorded range {r.From:O}..{r.To:O} is neither in the alarm window nor in the last two minutes"));
        recorded[0].From.Should().BeAfter(recordingBegan.AddSeconds(20), "the first minutes of the recording are gone");
    }

    /// <summary>GET /api/v1/retention: the camera's configured depth against the actual one, and its protected bytes.</summary>
    private async Task AssertReportAsync()
    {
        var report = await _node!.GetAsync("/api/v1/retention");
        var camera = report.GetProperty("cameras").EnumerateArray().Single(c => c.GetProperty("id").GetString() == Camera);
        camera.GetProperty("depth").GetString().Should().Be("2m");
        camera.GetProperty("motionDepth").GetString().Should().Be("5m");
        camera.GetProperty("protectedBytes").GetInt64().Should().BePositive("the alarm window's segments are protected");
        camera.GetProperty("actualDepthSeconds").GetInt64().Should().BeGreaterThan(120, "the kept alarm window is older than the depth");
        var root = report.GetProperty("roots").EnumerateArray().Single();
        root.GetProperty("deletedBytesByReason").GetProperty("expired").GetInt64().Should().BePositive();
        root.GetProperty("lastPassAt").ValueKind.Should().Be(JsonValueKind.String);
    }

    private static List<CatalogRow> ExpiredOutsideWindow(IEnumerable<CatalogRow> rows, DateTimeOffset now, DateTimeOffset windowFrom, DateTimeOffset windowTo) =>
        [.. rows.Where(r => r.State == CatalogRow.Recorded && r.End < now - Depth - Slack && !r.Overlaps(windowFrom, windowTo))];

    private static Task UntilClockAsync(DateTimeOffset at) =>
        Wait.UntilAsync(() => DateTimeOffset.UtcNow >= at, at - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5), $"the clock to reach {at:O}");
}
