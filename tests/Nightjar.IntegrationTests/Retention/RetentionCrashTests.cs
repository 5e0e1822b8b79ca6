using System.Diagnostics;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Server.Tests.Support;

namespace Nightjar.IntegrationTests.Retention;

/// <summary>
/// SIGKILL in the middle of deletions (issue 5, "done when"): a backlog of expired segments is deleted a few per
/// pass, and the node is killed at several points of that work (right after a garbage mark, right after a deletion).
/// After each restart over the same data directory, and at the end, no segment is both missing on disk and present in
/// the index, no recording file is on disk without an index row, and every deletion that was begun is finished.
/// </summary>
public sealed class RetentionCrashTests : IAsyncLifetime
{
    private const string Camera = "gate";
    private const int Backlog = 24;
    private static readonly TimeSpan ShortDepth = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _data = new();
    private GstRtspCamera _camera = null!;
    private RetentionNode? _node;

    private string Root => Path.Combine(_data.Path, "recordings");

    private ArchiveDatabase Database => new(_data.Path);

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
    public Task SigkillDuringDeletions_AfterEachRestart_IndexAndDiskAgreeAndDeletionsComplete() =>
        HardDeadline.RunAsync(RunAsync, TimeSpan.FromMinutes(4), "the retention crash scenario (hard deadline)");

    private async Task RunAsync()
    {
        _node = await StartNodeAsync();
        await _node.AddCameraAsync(Camera, _camera.Url(), new { depth = "unlimited" });
        await Wait.UntilAsync(() => Database.Segments().Count >= Backlog, TimeSpan.FromSeconds(90), $"{Backlog} recorded segments");

        // Shortening the depth expires the backlog at once; retention deletes it a few segments per pass.
        var shortenedAt = DateTimeOffset.UtcNow;
        await _node.ReplaceCameraAsync(Camera, _camera.Url(), new { depth = "10s" });

        // Kill 1: as soon as the first segment is marked garbage (the unlink may or may not have happened).
        await KillWhenAsync("segment.garbage.v1", 1);
        AuditAfterCrash();

        // Kill 2: right after a deletion is journaled by the restarted node (its recovery or its next pass).
        _node = await StartNodeAsync();
        await KillWhenAsync("segment.deleted.v1", Database.Count("segment.deleted.v1") + 1);
        AuditAfterCrash();

        // Kill 3: right after the next garbage mark, possibly mid-batch.
        _node = await StartNodeAsync();
        await KillWhenAsync("segment.garbage.v1", Database.Count("segment.garbage.v1") + 1);
        AuditAfterCrash();

        // The last restart finishes the work: every segment that expired before the depth was shortened is gone.
        _node = await StartNodeAsync();
        var expiredBefore = shortenedAt - ShortDepth - TimeSpan.FromSeconds(1);
        await Wait.UntilAsync(
            () => Database.Segments() is var rows
                && !rows.Any(r => r.End < expiredBefore)
                && rows.All(r => r.State != CatalogRow.Garbage),
            TimeSpan.FromSeconds(60),
            "the restarted node to finish the deletions");

        // A clean stop closes and indexes the segment being written, so the disk and the index can be compared whole.
        await _node.StopAsync();
        var final = AuditConsistent();
        final.Should().NotContain(r => r.End < expiredBefore, "every expired segment was deleted");
        var marked = Database.Events("segment.garbage.v1").Select(e => e.Text("path")).ToHashSet(StringComparer.Ordinal);
        var deleted = Database.Events("segment.deleted.v1").Select(e => e.Text("path")).ToHashSet(StringComparer.Ordinal);
        marked.Should().NotBeEmpty();
        deleted.Should().BeEquivalentTo(marked, "every deletion begun before a kill is finished after the restart");
        var expired = Database.Events("segment.recorded.v1").Where(e => e.Time("end") < expiredBefore).Select(e => e.Text("path")).ToList();
        expired.Should().HaveCountGreaterThan(Backlog / 2, "most of the backlog expired when the depth was shortened");
        deleted.Should().Contain(expired, "every segment that expired was deleted, through all the kills");
    }

    private Task<RetentionNode> StartNodeAsync() =>
        RetentionNode.StartAsync(_data.Path, new Dictionary<string, string>
        {
            ["Recording:SegmentSeconds"] = "1",
            // Few deletions per pass: the backlog takes several passes, so the kills land in the middle of the work.
            ["Retention:MaxDeletionsPerPass"] = "4",
            ["Retention:PassIntervalSeconds"] = "2",
            ["Retention:MinFree"] = "1MB",
        });

    /// <summary>Polls the journal in small steps and sends SIGKILL the moment it holds <paramref name="count"/> events of a type.</summary>
    private async Task KillWhenAsync(string type, long count)
    {
        var database = Database;
        var watch = Stopwatch.StartNew();
        await Wait.UntilAsync(() => database.Count(type) >= count, TimeSpan.FromSeconds(60), $"{count} '{type}' events");
        await _node!.KillAsync();
        await _node.DisposeAsync();
        _node = null;
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Right after a kill, before any restart: a file is never unlinked before its garbage mark is durable, so every
    /// indexed segment whose file is missing has its mark in the journal (the catalog, a projection, may lag the journal
    /// by the last events). Files without a row are expected here (the segment being written): the restart settles them,
    /// and <see cref="AuditConsistent"/> checks the result.
    /// </summary>
    private void AuditAfterCrash()
    {
        var files = StorageFiles.Under(Root);
        var marked = Database.Events("segment.garbage.v1").Select(e => e.Text("path")).ToHashSet(StringComparer.Ordinal);
        Database.Segments().Where(r => r.State == CatalogRow.Recorded && !files.Contains(r.Path) && !marked.Contains(r.Path))
            .Should().BeEmpty("a segment's file is unlinked only after its garbage mark is journaled");
    }

    /// <summary>For a failure message: what the journal says about each path.</summary>
    private string History(IReadOnlyCollection<string> paths)
    {
        var events = Database.Events("segment.recorded.v1", "segment.lost.v1", "segment.garbage.v1", "segment.deleted.v1");
        return string.Join("; ", paths.Select(p =>
            p + ": [" + string.Join(", ", events.Where(e => e.Text("path") == p).Select(e => e.Type)) + "]"));
    }

    /// <summary>With the node stopped: index and disk agree exactly, nothing is left half-deleted.</summary>
    private List<CatalogRow> AuditConsistent()
    {
        var rows = Database.Segments();
        var files = StorageFiles.Under(Root);
        rows.Should().NotBeEmpty();
        rows.Where(r => r.State != CatalogRow.Recorded).Should().BeEmpty("no row is left garbage (half-deleted) or lost");
        rows.Where(r => !files.Contains(r.Path)).Should().BeEmpty("no segment is in the index but missing on disk");
        var orphans = files.Except(rows.Select(r => r.Path)).Order(StringComparer.Ordinal).ToList();
        orphans.Should().BeEmpty("no recording file is on disk without an index row; their journal history: " + History(orphans));
        return [.. rows];
    }
}
