using System.Collections.Immutable;
using Nightjar.Actors.Persistence;
using Nightjar.Media.Tests.TestCameras;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Runtime.Archive;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.Runtime;

/// <summary>
/// The engine as one node of a cluster: it records only the cameras it owns, marks its segments with its node and
/// root, hands a camera off break-before-make, and follows the camera registry other nodes write to.
/// </summary>
[Collection(RealCameraCollection.Name)]
public sealed class ClusterRecordingTests(CameraStandIn camera) : IClassFixture<CameraStandIn>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private static readonly CameraId Lobby = new("lobby");

    [Fact]
    public async Task Ownership_RecordsOnlyOwnedCameras_AndARevokedCameraJournalsEveryFileBeforeItStopsRunning()
    {
        var ownership = new SettableOwnership();
        await using var harness = await EngineHarness.StartAsync(o => o with { NodeId = "node-a" }, ownership);
        var engine = harness.Engine;
        engine.StorageRootName.Should().Be("node-a/0");

        (await engine.AddAsync(EngineHarness.Camera("lobby", camera.Camera), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Ok);
        engine.IsRunning(Lobby).Should().BeFalse("another node owns the camera");
        (await harness.DvrEventsAsync("lobby")).Should().BeEmpty();

        ownership.Grant(Lobby);
        await Poll.UntilAsync(() => engine.IsRunning(Lobby), Deadline, "the owned camera runs");
        await Poll.UntilAsync(async () => (await harness.Catalog.LatestAsync("lobby", "main", 1, CancellationToken.None)).Count > 0, Deadline, "a segment is catalogued");
        await Poll.UntilAsync(() => engine.MeasuredBitratesMbps().ContainsKey("lobby"), Deadline, "the bitrate is measured");
        engine.MeasuredBitratesMbps()["lobby"].Should().BeGreaterThan(0);
        engine.TotalIngestMbps().Should().Be(engine.MeasuredBitratesMbps().Values.Sum());

        ownership.Revoke(Lobby);
        engine.RunningCameras.Should().Contain(Lobby, "the camera counts as running until its actor terminated");
        await Poll.UntilAsync(() => !engine.IsRunning(Lobby), Deadline, "the revoked camera stopped");

        // At the moment it stops counting as running, every file ffmpeg wrote is journaled: the next owner can start.
        var recorded = (await harness.DvrEventsAsync("lobby")).OfType<SegmentRecorded>().ToList();
        recorded.Select(r => r.Path).Should().BeEquivalentTo(harness.SegmentFilesOnDisk(), "the last file was journaled before the stop completed");
        recorded.Should().OnlyContain(r => r.Node == "node-a");
        (await harness.DvrEventsAsync("lobby")).OfType<SourceClosed>().Should().ContainSingle().Which.Reason.Should().Be(SourceCloseReason.Stopped);
        harness.FfmpegProcesses().Should().BeEmpty();
        await Poll.UntilAsync(
            async () => (await harness.Catalog.LatestAsync("lobby", "main", 1000, CancellationToken.None)).Count == recorded.Count,
            Deadline,
            "the catalog has every segment");
        (await harness.Catalog.LatestAsync("lobby", "main", 1000, CancellationToken.None)).Should().OnlyContain(r => r.StorageRoot == "node-a/0");
        engine.MeasuredBitratesMbps().Should().NotContainKey("lobby");

        ownership.Grant(Lobby);
        await Poll.UntilAsync(
            async () => (await harness.DvrEventsAsync("lobby")).OfType<StreamStarted>().Count() == 2,
            Deadline,
            "the camera records again once it is owned again");
    }

    [Fact]
    public async Task Grant_LeftoverWrittenWhileAnotherNodeOwnedTheCamera_StaysOnDiskUnindexed()
    {
        // A node cut off from the database kept recording a camera that had moved; when the camera comes back, the
        // files of that time must not be indexed over the other node's recording of the same time.
        var ownership = new SettableOwnership();
        var authority = IntervalSegmentAuthority.Never();
        await using var harness = await EngineHarness.StartAsync(o => o with { NodeId = "node-a" }, ownership, authority);
        (await harness.Engine.AddAsync(EngineHarness.Camera("lobby", camera.Camera), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Ok);
        var orphan = "lobby/main/2025/11/21/1763700000000/1763700000.ts";
        var full = Path.Combine(harness.StorageRoot, orphan);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await TsClip.CreateAsync(full, 2);

        ownership.Grant(Lobby);
        await Poll.UntilAsync(async () => (await harness.Catalog.LatestAsync("lobby", "main", 1, CancellationToken.None)).Count > 0, Deadline, "the camera records");

        authority.Asked.Should().ContainSingle(a => a.At == DateTimeOffset.FromUnixTimeSeconds(1763700000), "the leftover was checked against the epoch history");
        (await harness.DvrEventsAsync("lobby")).OfType<SegmentRecorded>().Should().NotContain(r => r.Path == orphan);
        (await harness.Catalog.GetByPathAsync(orphan, CancellationToken.None)).Should().BeNull();
        File.Exists(full).Should().BeTrue("an orphan stays on disk");
        harness.Logs.Records.Should().Contain(r => r.Contains("[3067]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshRegistryAsync_AppliesCamerasAnotherNodeJournaled()
    {
        await using var harness = await EngineHarness.StartAsync(o => o with { NodeId = "node-a" });
        await AppendFromOtherNodeAsync(harness, CameraAdded.Create(Disabled("gate"), harness.Protector));

        harness.Engine.Registry.Contains(new CameraId("gate")).Should().BeFalse();
        (await harness.Engine.RefreshRegistryAsync(CancellationToken.None)).Should().Be(1);

        harness.Engine.Registry.Contains(new CameraId("gate")).Should().BeTrue();
        (await harness.Engine.RefreshRegistryAsync(CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task RegistryRefreshInterval_FollowsAnotherNodesChangesByItself()
    {
        await using var harness = await EngineHarness.StartAsync(o => o with { NodeId = "node-a", RegistryRefreshInterval = TimeSpan.FromMilliseconds(100) });
        await AppendFromOtherNodeAsync(harness, CameraAdded.Create(Disabled("gate"), harness.Protector));
        await Poll.UntilAsync(() => harness.Engine.Registry.Contains(new CameraId("gate")), TimeSpan.FromSeconds(5), "the periodic refresh applied the other node's camera");

        await AppendFromOtherNodeAsync(harness, new CameraRemoved(new CameraId("gate")));

        await Poll.UntilAsync(() => !harness.Engine.Registry.Contains(new CameraId("gate")), TimeSpan.FromSeconds(5), "the periodic refresh applied the removal");
    }

    [Fact]
    public async Task AddAsync_AfterAnotherNodeWroteTheRegistry_CatchesUpDecidesAgainAndWritesAfterIt()
    {
        await using var harness = await EngineHarness.StartAsync(o => o with { NodeId = "node-a" });
        var engine = harness.Engine;
        (await engine.AddAsync(Disabled("door"), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Ok);
        await AppendFromOtherNodeAsync(harness, CameraAdded.Create(Disabled("gate"), harness.Protector));

        // This node has not seen "gate": its first write conflicts, it catches up, and "gate" is now a duplicate.
        (await engine.AddAsync(Disabled("gate"), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.Conflict);

        await AppendFromOtherNodeAsync(harness, new CameraRemoved(new CameraId("door")));
        var added = await engine.AddAsync(Disabled("yard"), CancellationToken.None);

        added.Status.Should().Be(CameraCommandStatus.Ok);
        engine.Registry.Cameras.Select(c => c.Id.Value).Should().BeEquivalentTo("gate", "yard");
        (await harness.EventsAsync(JournalNames.CamerasPersistenceId)).Should().HaveCount(4, "nothing was written twice or lost");
        (await engine.ReplaceAsync(Disabled("door"), CancellationToken.None)).Status.Should().Be(CameraCommandStatus.NotFound, "the directory kept working after the conflicts");
    }

    private static CameraDefinition Disabled(string id) => new(
        new CameraId(id),
        "Camera " + id,
        [new StreamDefinition("main", "rtsp://127.0.0.1:9/none", null, 1000)],
        DvrPolicy.Default,
        null,
        ImmutableSortedDictionary<string, string>.Empty,
        Enabled: false);

    /// <summary>What another node's directory does: append to <c>cameras</c> after the journal's head.</summary>
    private static async Task AppendFromOtherNodeAsync(EngineHarness harness, IRecordingEvent @event)
    {
        var head = await harness.Journal.ReadHighestSequenceNrAsync(JournalNames.CamerasPersistenceId, CancellationToken.None);
        await harness.Journal.AppendAsync(JournalNames.CamerasPersistenceId, head, [new EventToPersist(@event, JournalNames.TagsOf(@event))], CancellationToken.None);
    }
}
