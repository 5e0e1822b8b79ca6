using System.Globalization;
using Nightjar.IntegrationTests.Retention;
using Xunit.Abstractions;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// PostgreSQL restarts under a recording cluster (cluster.md 6.10, failure case 7): a private server is stopped
/// (<c>-m fast</c> for a few seconds, below the lease TTL; then <c>-m immediate</c>, a crash, for longer than three lease
/// TTLs, past every node's self-fence deadline) and started again. No node is declared dead,
/// every node is active again with the same incarnation, recording goes on without a hole, and every segment file on
/// every node's disk gets its catalog row (bounded catch-up): the outage costs no catalog entry.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterDatabaseRestartTests(ITestOutputHelper output)
{
    private const int CameraCount = 6;

    /// <summary>
    /// Below the default lease TTL (10 s), then above three of them: every node self-fences during the long one and keeps
    /// recording to disk; nobody can be declared dead while the database is away, nor within the restart grace after.
    /// </summary>
    private static readonly (string Mode, TimeSpan Downtime)[] Outages = [("fast", TimeSpan.FromSeconds(4)), ("immediate", TimeSpan.FromSeconds(35))];

    /// <summary>How far around the outage the timeline is checked for holes.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive segments of one ffmpeg run touch; a restarted run would start at the next keyframe (1 s GOP).</summary>
    private static readonly TimeSpan HoleTolerance = TimeSpan.FromSeconds(1);

    [Fact]
    public Task PostgresRestartMidRun_NoNodeDeclaredDead_NoSegmentMissing() => HardDeadline.RunAsync(
        async () =>
        {
            // Default lease timing: the DB-restart grace (L + G after pg_postmaster_start_time) is part of the subject.
            await using var cluster = await ClusterHarness.CreateAsync("pg-restart", output, privatePostgres: true);
            var nodes = new[] { "n1", "n2", "n3" }.Select(id => cluster.AddNode(id, new NodeCapacity(IngestMbps: 100, Cameras: 20))).ToArray();
            await cluster.StartNodesAsync(nodes);
            var cameras = await cluster.AddCamerasAsync(CameraCount);
            await cluster.WaitForAllRecordingAsync(cameras, TimeSpan.FromSeconds(60));
            var incarnations = (await cluster.Catalog.NodesAsync()).Where(r => !r.IsDead).ToDictionary(r => r.NodeId, r => r.Incarnation, StringComparer.Ordinal);
            incarnations.Keys.Should().BeEquivalentTo(nodes.Select(n => n.Id));

            foreach (var (mode, downtime) in Outages)
            {
                var stoppedAt = DateTimeOffset.UtcNow;
                var down = await cluster.RestartPostgresAsync(mode, downtime);
                var upAt = DateTimeOffset.UtcNow;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pg_ctl stop -m {mode}: down {down.TotalSeconds:F1} s"));

                await cluster.WaitForActiveAsync(nodes.Select(n => n.Id).ToArray(), TimeSpan.FromSeconds(40));
                await cluster.WaitForAllRecordingAsync(cameras, TimeSpan.FromSeconds(40), since: upAt, what: $"after the {mode} restart");
                nodes.Should().OnlyContain(n => n.IsRunning, "no node exits over a database restart");

                // Every file on every disk at this instant, including the ones still open, must get its catalog row.
                var files = await cluster.WaitForEveryFileInCatalogAsync(nodes, TimeSpan.FromSeconds(30), $"after the {mode} restart");
                output.WriteLine($"after -m {mode}: {files} files on disk, all in the catalog");

                // "A full outage costs no catalogue gap" (cluster.md 6.10): around the outage each camera's catalog
                // segments follow each other without a hole (ffmpeg never stopped, so its files are contiguous).
                var timeline = await cluster.SegmentsByCameraAsync();
                foreach (var camera in cameras)
                {
                    var around = timeline[camera].Where(x => x.End >= stoppedAt - Margin && x.Start <= upAt + Margin).OrderBy(x => x.Start).ToList();
                    around.Should().Contain(x => x.Start <= stoppedAt).And.Contain(x => x.End >= upAt, $"{camera} has segments on both sides of the outage");
                    for (var i = 1; i < around.Count; i++)
                    {
                        (around[i].Start - around[i - 1].End).Should().BeLessThanOrEqualTo(
                            HoleTolerance, $"{camera}'s catalog has no hole across the {mode} restart (outage {stoppedAt:HH:mm:ss.fff}–{upAt:HH:mm:ss.fff}): {around[i - 1]} then {around[i]}; all around it: {string.Join(" | ", around)}");
                    }
                }

                var membership = await cluster.Catalog.NodesAsync();
                membership.Should().NotContain(r => r.IsDead, $"a database restart declares no node dead: {string.Join(" | ", membership)}");
                membership.Where(r => !r.IsDead).ToDictionary(r => r.NodeId, r => r.Incarnation, StringComparer.Ordinal)
                    .Should().BeEquivalentTo(incarnations, "every node kept its incarnation");
                membership.Should().OnlyContain(r => r.Status == "active");
            }

            var segments = await cluster.SegmentsByCameraAsync();
            foreach (var camera in cameras)
            {
                SegmentTimeline.CrossRootOverlaps(segments[camera], TimeSpan.FromMilliseconds(100)).Should().BeEmpty($"{camera} is never written by two nodes at once");
            }

            (await cluster.Catalog.OverlappingEpochsAsync()).Should().BeEmpty("camera_epoch authority intervals never overlap");
        },
        TimeSpan.FromMinutes(5),
        nameof(PostgresRestartMidRun_NoNodeDeclaredDead_NoSegmentMissing));
}
