using Nightjar.Media.Tests.TestCameras;
using Nightjar.Server.Tests.Support;

namespace Nightjar.IntegrationTests.Retention;

/// <summary>
/// A disk that fills for real (issue 5, "done when"): a 32 MB tmpfs as the only storage root, a limit it cannot reach
/// before it is full (<c>100%</c>), and a camera recording about 0.75 MB/s into it: first unprotected, then under a
/// motion alarm, then under an evidence lock. Recording goes on well past the disk's size; the emergency deletions
/// take the unprotected segments first, then the motion-protected ones, and the locked ones last, oldest first within
/// each, and deleting locked ones raises a storage alarm.
/// </summary>
public sealed class RetentionDiskFullTests : IAsyncLifetime
{
    private const string Camera = "dock";
    private const long DiskBytes = 32L << 20;
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(12);

    private readonly TempDirectory _data = new();
    private GstRtspCamera _camera = null!;
    private TmpfsMount? _disk;
    private RetentionNode? _node;

    private string Root => Path.Combine(_data.Path, "disk");

    public async Task InitializeAsync()
    {
        // Noise at 6 Mbit/s: the encoder fills its budget, so the disk fills at a known pace.
        _camera = await GstRtspCamera.StartAsync(video: new CameraVideo(640, 360, 25, 25, 6000, "snow"));
        _disk = await TmpfsMount.MountAsync(Root, DiskBytes);
    }

    public async Task DisposeAsync()
    {
        // The node first: it holds files open on the disk that is unmounted next.
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await _camera.DisposeAsync();
        if (_disk is not null)
        {
            await _disk.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public Task DiskFills_RecordingGoesOnAndEmergencyDeletionsFollowTheDocumentedOrder() =>
        HardDeadline.RunAsync(RunAsync, TimeSpan.FromMinutes(4), "the disk-full scenario (hard deadline)");

    private async Task RunAsync()
    {
        _node = await RetentionNode.StartAsync(_data.Path, new Dictionary<string, string>
        {
            ["Storage:Roots:0:Path"] = Root,
            ["Storage:Roots:0:Limit"] = "100%",
            ["Recording:SegmentSeconds"] = "2",
            ["Retention:MinFree"] = "3MiB",
            ["Retention:FreeSpaceCheckIntervalSeconds"] = "1",
            ["Retention:PassIntervalSeconds"] = "30",
        });

        // No alarm margins: the motion window is exactly what the alarm said, so the three kinds do not blur.
        await _node.AddCameraAsync(Camera, _camera.Url(), new { depth = "unlimited", motionDepth = "unlimited", preAlarm = "0s", postAlarm = "0s" });
        var database = new ArchiveDatabase(_data.Path);
        await Wait.UntilAsync(() => database.Segments().Count > 0, TimeSpan.FromSeconds(60), "the first recorded segment");

        // Unprotected, then motion, then locked from here on (the lock reaches an hour ahead, indefinitely).
        await UntilClockAsync(database.Segments()[0].Start + Phase);
        await _node.PostAsync($"/api/v1/cameras/{Camera}/alarms", new { type = "motion", state = "active" });
        await UntilClockAsync(DateTimeOffset.UtcNow + Phase);
        var lockFrom = DateTimeOffset.UtcNow;
        await _node.PostAsync($"/api/v1/cameras/{Camera}/alarms", new { type = "motion", state = "inactive" });
        await _node.PostAsync($"/api/v1/cameras/{Camera}/locks", new
        {
            from = lockFrom.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            to = lockFrom.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            reason = "disk-full test: the locked range goes last",
        });

        // Everything locked must eventually go too, with an alarm, and recording must go on after that.
        try
        {
            await Wait.UntilAsync(() => LockedDeletedAlarms(database).Count > 0, TimeSpan.FromSeconds(150), "a storage alarm for deleted locked segments");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; so far: {Progress(database)}", ex);
        }

        var recordedAtAlarm = database.Count("segment.recorded.v1");
        await Wait.UntilAsync(() => database.Count("segment.recorded.v1") >= recordedAtAlarm + 3, TimeSpan.FromSeconds(30), "recording to go on after the locked segments went");

        var recorded = database.Events("segment.recorded.v1");
        recorded.Sum(e => e.Payload.GetProperty("bytes").GetInt64()).Should().BeGreaterThan(DiskBytes, "recording went on past the point where the disk was full");

        var deletions = database.Events("segment.deleted.v1");
        deletions.Should().NotBeEmpty();
        deletions.Where(e => e.Text("reason") != "emergency").Should().BeEmpty("the root's limit (100%) is never reached before the disk fills");
        var order = deletions.Select(e => Rank(e.Text("protection"))).ToList();
        order.Should().BeInAscendingOrder("unprotected segments go first, motion-protected next, locked last");
        order.Should().Contain([0, 1, 2], "all three kinds had to go to keep recording");
        foreach (var kind in deletions.GroupBy(e => e.Text("protection")))
        {
            kind.Select(e => e.Time("start")).Should().BeInAscendingOrder($"the oldest {kind.Key} segments go first");
        }

        var alarm = LockedDeletedAlarms(database)[0];
        alarm.Text("root").Should().Be("0");
        alarm.Text("detail").Should().NotBeNullOrWhiteSpace();
        var lockedPaths = deletions.Where(e => e.Text("protection") == "lock").Select(e => e.Text("path")).ToHashSet(StringComparer.Ordinal);
        var firstLockedMark = database.Events("segment.garbage.v1").First(e => lockedPaths.Contains(e.Text("path")));
        alarm.Ordering.Should().BeGreaterThan(firstLockedMark.Ordering, "the alarm is raised when locked segments go, not before");

        var report = await _node.GetAsync("/api/v1/retention");
        var root = report.GetProperty("roots").EnumerateArray().Single();
        root.GetProperty("emergencyDeletions").GetInt64().Should().Be(deletions.Count);
        root.GetProperty("deletedBytesByReason").GetProperty("emergency").GetInt64().Should().BePositive();
        root.GetProperty("totalBytes").GetInt64().Should().Be(DiskBytes);

        _node.Process.AllOutput.Should().NotContain("No space left on device", "retention frees space before the disk is full: recording never stops for it");

        // The index and the disk agree on what is kept.
        var files = StorageFiles.Under(Root);
        database.Segments().Where(r => r.State == CatalogRow.Recorded && !files.Contains(r.Path)).Should().BeEmpty("every indexed segment has its file");
    }

    /// <summary>For a timeout: what was recorded and deleted, and how full the disk is.</summary>
    private string Progress(ArchiveDatabase database)
    {
        var deletions = database.Events("segment.deleted.v1").GroupBy(e => e.Text("protection")).Select(g => $"{g.Key} {g.Count()}");
        var alarms = database.Events("storage.alarm.v1").Select(e => e.Text("kind"));
        var noSpace = _node!.Process.AllOutput.Split("No space left on device").Length - 1;
        return $"{database.Count("segment.recorded.v1")} segments recorded; deleted: {string.Join(", ", deletions)}; "
            + $"storage alarms: [{string.Join(", ", alarms)}]; {_disk!.FreeBytes} bytes free; 'No space left on device' {noSpace} times in the log";
    }

    private static List<JournalRow> LockedDeletedAlarms(ArchiveDatabase database) =>
        [.. database.Events("storage.alarm.v1").Where(e => e.Text("kind") == "locked_deleted")];

    private static int Rank(string protection) => protection switch
    {
        "none" => 0,
        "motion" => 1,
        "lock" => 2,
        _ => throw new InvalidOperationException($"unknown protection '{protection}'"),
    };

    private static Task UntilClockAsync(DateTimeOffset at) =>
        Wait.UntilAsync(() => DateTimeOffset.UtcNow >= at, at - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5), $"the clock to reach {at:O}");
}
