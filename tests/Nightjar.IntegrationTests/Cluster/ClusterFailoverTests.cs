using System.Globalization;
using FluentAssertions.Execution;
using Nightjar.IntegrationTests.Retention;
using Xunit.Abstractions;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// Unplanned failover with real processes and the DEFAULT lease timing (renew 2 s, TTL 10 s, grace 3 s): a node is
/// SIGKILLed and every one of its cameras records on another node within 20 s of the kill. Three kills (the killed node
/// restarts as a new incarnation in between): twice the busiest node that is not the coordinator, then the coordinator
/// itself, so both cases are always covered whatever the placement. After the restarts, every file the killed nodes left
/// on disk (the segment the kill cut short included) is in the catalog. Audited from the database: the
/// killed incarnation is dead, no camera ever has two storage roots writing the same instant, and authority epochs
/// never overlap. The distribution of the recovery times is printed for benchmarks/README.md.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private const int CameraCount = 8;
    private const int Kills = 3;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan OverlapRounding = TimeSpan.FromMilliseconds(100);

    [Fact]
    public Task SigkillOfANode_ItsCamerasRecordElsewhereWithin20s() => HardDeadline.RunAsync(
        async () =>
        {
            // No timing knobs: the 20 s promise is about the defaults.
            await using var cluster = await ClusterHarness.CreateAsync("failover", output);
            var nodes = new[] { "n1", "n2", "n3" }.Select(id => cluster.AddNode(id, new NodeCapacity(IngestMbps: 100, Cameras: 20))).ToArray();
            await cluster.StartNodesAsync(nodes);
            var cameras = await cluster.AddCamerasAsync(CameraCount);
            await cluster.WaitForAllRecordingAsync(cameras, TimeSpan.FromSeconds(60));

            var kills = new List<(ClusterNode Victim, bool Coordinator, DateTimeOffset KilledAt, IReadOnlyList<string> Cameras)>();
            for (var round = 1; round <= Kills; round++)
            {
                var placement = await cluster.PlacementAsync();
                placement.Coordinator.Should().NotBeNull($"the placement names its coordinator: {placement.Json}");
                var killCoordinator = round == Kills;
                var victim = killCoordinator
                    ? cluster.RunningNodes.Single(n => n.Id == placement.Coordinator)
                    : cluster.RunningNodes.Where(n => n.Id != placement.Coordinator).MaxBy(n => placement.Assignments.Count(a => a.Node == n.Id))!;
                var victimCameras = placement.Assignments.Where(a => a.Node == victim.Id).Select(a => a.Camera).ToList();
                victimCameras.Should().NotBeEmpty($"round {round}: the node to kill holds cameras; placement: {placement.Json}");

                // Each of them has recorded on the victim, so "its last segment there" exists.
                await cluster.WaitForAllRecordingAsync(victimCameras, TimeSpan.FromSeconds(30), where: s => s.Node == victim.Id, what: "on " + victim.Id);
                var incarnationsBefore = (await cluster.Catalog.NodesAsync()).Where(r => r.NodeId == victim.Id && !r.IsDead).Select(r => r.Incarnation).ToList();

                var killedAt = await cluster.KillNodeAsync(victim);
                kills.Add((victim, killCoordinator, killedAt, victimCameras));
                output.WriteLine($"round {round}: killed {victim.Id}{(killCoordinator ? " (the coordinator)" : string.Empty)} holding {string.Join(", ", victimCameras)}");

                // A segment is in the catalog once it closes: wait for the budget plus one segment and some slack,
                // then judge each camera by the START of its first segment elsewhere.
                await cluster.WaitForAllRecordingAsync(
                    victimCameras, Budget + TimeSpan.FromSeconds(cluster.SegmentSeconds + 15), since: killedAt, where: s => s.Node != victim.Id,
                    what: "on a surviving node after the SIGKILL of " + victim.Id);

                var membership = await cluster.Catalog.NodesAsync();
                membership.Where(r => r.NodeId == victim.Id && incarnationsBefore.Contains(r.Incarnation)).Should().OnlyContain(
                    r => r.IsDead, $"the killed incarnation of {victim.Id} is declared dead: {string.Join(" | ", membership)}");

                if (round < Kills)
                {
                    await cluster.StartNodeAsync(victim);
                    var rejoined = await cluster.Catalog.NodesAsync();
                    rejoined.Should().Contain(r => r.NodeId == victim.Id && !r.IsDead && !incarnationsBefore.Contains(r.Incarnation),
                        $"{victim.Id} rejoins as a new incarnation: {string.Join(" | ", rejoined)}");
                    rejoined.Where(r => r.NodeId == victim.Id && incarnationsBefore.Contains(r.Incarnation)).Should().OnlyContain(r => r.IsDead, "dead is terminal");
                }
            }

            // Judged on the final catalog, once the restarted nodes had time to adopt the segments the kills cut short
            // (that check is reported with the others below, so a failure of one does not hide the numbers).
            string? filesMissing = null;
            try
            {
                var files = await cluster.WaitForEveryFileInCatalogAsync(cluster.RunningNodes.ToList(), TimeSpan.FromSeconds(30), "after the kills and restarts");
                output.WriteLine($"{files} files on the running nodes' disks, all in the catalog");
            }
            catch (TimeoutException ex)
            {
                filesMissing = ex.Message;
            }

            var catalog = await cluster.SegmentsByCameraAsync();
            var recovery = new List<double>();
            var coordinatorRecovery = new List<double>();
            var gaps = new List<double>();
            foreach (var (victim, coordinator, killedAt, victimCameras) in kills)
            {
                foreach (var camera in victimCameras)
                {
                    var (last, first) = SegmentTimeline.Handoff(catalog[camera], victim.Id, killedAt);
                    first.Should().NotBeNull($"{camera} records elsewhere after {victim.Id} was killed");
                    var toFirst = (first!.Start - killedAt).TotalSeconds;
                    (coordinator ? coordinatorRecovery : recovery).Add(toFirst);
                    var gap = last is null ? double.NaN : (first.Start - last.End).TotalSeconds;
                    if (last is not null)
                    {
                        gaps.Add(gap);
                    }

                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{camera}: {victim.Id}{(coordinator ? " (coordinator)" : string.Empty)} → {first.Node}; kill → first segment {toFirst:F1} s; catalog gap {gap:F1} s (last on {victim.Id} ended {last?.End:HH:mm:ss.fff}, kill {killedAt:HH:mm:ss.fff}, first {first.Start:HH:mm:ss.fff})"));
                }
            }

            output.WriteLine("SIGKILL of a node → first segment on the new owner: " + Distribution.Describe(recovery));
            output.WriteLine("SIGKILL of the coordinator's node → first segment on the new owner: " + Distribution.Describe(coordinatorRecovery));
            output.WriteLine("catalog gap (last segment end on the dead node → first segment start on the new owner): " + Distribution.Describe(gaps));
            using var scope = new AssertionScope();
            recovery.Should().OnlyContain(s => s <= Budget.TotalSeconds, $"every camera of a killed node records again within {Budget.TotalSeconds} s of the kill");
            coordinatorRecovery.Should().OnlyContain(s => s <= Budget.TotalSeconds, $"every camera of the killed coordinator's node records again within {Budget.TotalSeconds} s of the kill");

            // Never two authoritative writers: no instant of a camera is covered by segments of two storage roots.
            foreach (var (camera, segments) in catalog)
            {
                SegmentTimeline.CrossRootOverlaps(segments, OverlapRounding).Should().BeEmpty(
                    $"{camera} is never written by two nodes at once; its segments: {string.Join(" | ", segments)}");
            }

            (await cluster.Catalog.OverlappingEpochsAsync()).Should().BeEmpty("camera_epoch authority intervals never overlap");
            (await cluster.Catalog.EpochsAsync()).Should().NotBeEmpty("every placement and failover is an epoch");
            filesMissing.Should().BeNull("a restarted node adopts into the catalog what it recorded before the kill (cluster.md 6.9-C: segments begun before the failover are committed under the old epoch)");
        },
        TimeSpan.FromMinutes(5),
        nameof(SigkillOfANode_ItsCamerasRecordElsewhereWithin20s));
}
