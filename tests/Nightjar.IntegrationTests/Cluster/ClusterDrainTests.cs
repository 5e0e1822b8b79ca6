using System.Diagnostics;
using System.Globalization;
using System.Net;
using Nightjar.IntegrationTests.Retention;
using Nightjar.Server.Tests.Support;
using Xunit.Abstractions;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// Graceful leave with real processes: a node drained through the API (sent to another node), one through
/// <c>nightjar node drain</c>, and one stopped with SIGTERM (it drains, then exits 0 within Shutdown:TimeoutSeconds). Every camera of the drained node records on
/// another node with at most one segment of gap, never two nodes at once, and the drained node ends with no camera.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterDrainTests(ClusterDrainFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterDrainFixture>
{
    /// <summary>
    /// Break-before-make: the new owner connects after the old one let go, and its first segment starts on the first
    /// keyframe it receives, up to one GOP (1 s from the simulator) after it connects. Measured gaps here: 1.7–2.6 s.
    /// </summary>
    private static readonly TimeSpan FirstKeyframeTolerance = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan OverlapRounding = TimeSpan.FromMilliseconds(100);

    /// <summary>Segment times are the recorder's frame times: the last frame before a stop may precede the request slightly.</summary>
    private static readonly TimeSpan TailRounding = TimeSpan.FromMilliseconds(500);

    [Fact]
    public Task Drain_MovesEveryCameraWithAtMostOneSegmentOfGap() => HardDeadline.RunAsync(
        async () =>
        {
            var cluster = fixture.Cluster;
            cluster.Output = output;
            var (victim, cameras) = await BusiestAsync(cluster);
            var via = await cluster.ActiveNodeAsync(except: victim);

            var requestedAt = DateTimeOffset.UtcNow;
            using (var response = await via.Api.PostAsync(new Uri($"/api/v1/nodes/{victim.Id}/drain", UriKind.Relative), content: null))
            {
                response.StatusCode.Should().Be(HttpStatusCode.Accepted, $"POST /api/v1/nodes/{victim.Id}/drain on {via.Id}: {await response.Content.ReadAsStringAsync()}");
            }

            output.WriteLine($"drain of {victim.Id} (holding {string.Join(", ", cameras)}) requested on {via.Id} at {requestedAt:HH:mm:ss.fff}");
            await AssertMovedAsync(cluster, victim, cameras, requestedAt);

            IReadOnlyList<NodeView> nodes = [];
            await ClusterWait.UntilAsync(
                async () =>
                {
                    nodes = await cluster.NodesAsync();
                    return nodes.Single(n => n.Id == victim.Id).Cameras.Count == 0;
                },
                TimeSpan.FromSeconds(30),
                () => $"GET /api/v1/nodes to list no camera on the drained {victim.Id}: {string.Join(" | ", nodes.Select(n => n.Json))}");
            nodes.Single(n => n.Id == victim.Id).IsActive.Should().BeFalse("a drained node takes no new cameras");
        },
        TimeSpan.FromMinutes(2),
        nameof(Drain_MovesEveryCameraWithAtMostOneSegmentOfGap));

    [Fact]
    public Task CliDrain_ExitsZero_MovesEveryCamera() => HardDeadline.RunAsync(
        async () =>
        {
            var cluster = fixture.Cluster;
            cluster.Output = output;
            var (victim, cameras) = await BusiestAsync(cluster);
            var via = await cluster.ActiveNodeAsync(except: victim);

            var requestedAt = DateTimeOffset.UtcNow;
            var (exitCode, cli) = await NightjarProcess.RunAsync(
                victim.DataPath, environment: null, "node", "drain", victim.Id, "--url", via.Url, "--key", ClusterHarness.AdminKey);
            await using (cli)
            {
                output.WriteLine($"nightjar node drain {victim.Id} --url {via.Url}: exit {exitCode}\n{cli.AllOutput}");
                exitCode.Should().Be(0, $"the drain command succeeds: {cli.AllOutput}");
                cli.AllOutput.Should().NotContain(ClusterHarness.AdminKey);
            }

            await AssertMovedAsync(cluster, victim, cameras, requestedAt);
        },
        TimeSpan.FromMinutes(2),
        nameof(CliDrain_ExitsZero_MovesEveryCamera));

    [Fact]
    public Task Sigterm_DrainsThenExitsZero() => HardDeadline.RunAsync(
        async () =>
        {
            var cluster = fixture.Cluster;
            cluster.Output = output;
            var (victim, cameras) = await BusiestAsync(cluster);

            var requestedAt = DateTimeOffset.UtcNow;
            var stopwatch = Stopwatch.StartNew();
            var exitCode = await cluster.TerminateNodeAsync(victim, TimeSpan.FromSeconds(60));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{victim.Id} (holding {string.Join(", ", cameras)}) exited {exitCode} {stopwatch.Elapsed.TotalSeconds:F1} s after SIGTERM"));
            exitCode.Should().Be(0, $"a drained node exits cleanly; output:\n{ClusterNode.Tail(victim.AllOutput)}");
            stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30 + 5), "it exits within Shutdown:TimeoutSeconds (30)");

            await AssertMovedAsync(cluster, victim, cameras, requestedAt);
            victim.AllOutput.Should().NotContain(ClusterHarness.ClusterKey).And.NotContain(ClusterHarness.AdminKey);
        },
        TimeSpan.FromMinutes(2),
        nameof(Sigterm_DrainsThenExitsZero));

    /// <summary>The running node holding the most cameras, and those cameras.</summary>
    private static async Task<(ClusterNode Node, IReadOnlyList<string> Cameras)> BusiestAsync(ClusterHarness cluster)
    {
        var placement = await cluster.PlacementAsync();
        var node = cluster.RunningNodes.MaxBy(n => placement.Assignments.Count(a => a.Node == n.Id))!;
        var cameras = placement.Assignments.Where(a => a.Node == node.Id).Select(a => a.Camera).ToList();
        cameras.Should().NotBeEmpty($"a running node still holds cameras; placement: {placement.Json}");

        // Each has recorded there, so the handoff has a "last segment on the old node" to measure from.
        await cluster.WaitForAllRecordingAsync(cameras, TimeSpan.FromSeconds(30), where: s => s.Node == node.Id, what: "on " + node.Id);
        return (node, cameras);
    }

    private async Task AssertMovedAsync(ClusterHarness cluster, ClusterNode victim, IReadOnlyList<string> cameras, DateTimeOffset requestedAt)
    {
        await cluster.WaitForAllRecordingAsync(
            cameras, TimeSpan.FromSeconds(60), since: requestedAt, where: s => s.Node != victim.Id, what: "on another node after the drain of " + victim.Id);

        IReadOnlyList<CameraAssignmentRow> assignments = [];
        await ClusterWait.UntilAsync(
            async () =>
            {
                assignments = await cluster.Catalog.AssignmentsAsync();
                return assignments.All(a => a.Owner != victim.Id);
            },
            TimeSpan.FromSeconds(30),
            () => $"camera_assignment to name no camera on {victim.Id}: {string.Join(" | ", assignments)}");

        // The old owner recorded each camera until it let go, after the request: its tail reaches the request.
        IReadOnlyDictionary<string, IReadOnlyList<ClusterSegment>> catalog = new Dictionary<string, IReadOnlyList<ClusterSegment>>();
        await ClusterWait.UntilAsync(
            async () =>
            {
                catalog = await cluster.SegmentsByCameraAsync();
                return cameras.All(c => catalog[c].Where(s => s.Node == victim.Id).Max(s => s.End) >= requestedAt - TailRounding);
            },
            TimeSpan.FromSeconds(20),
            () => $"the tail each camera recorded on {victim.Id} until its release to reach the drain request at {requestedAt:HH:mm:ss.fff} in the catalog: " +
                string.Join(" | ", cameras.Select(c => $"{c} last on {victim.Id} ends {catalog[c].Where(s => s.Node == victim.Id).Max(s => s.End):HH:mm:ss.fff}")));

        var gaps = new List<double>();
        var allowed = TimeSpan.FromSeconds(cluster.SegmentSeconds) + FirstKeyframeTolerance;
        foreach (var camera in cameras)
        {
            var segments = catalog[camera];
            var (last, first) = SegmentTimeline.Handoff(segments, victim.Id, DateTimeOffset.MaxValue);
            last.Should().NotBeNull($"{camera} recorded on {victim.Id} before the drain");
            first.Should().NotBeNull($"{camera} records on another node after the drain");
            var gap = first!.Start - last!.End;
            gaps.Add(gap.TotalSeconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{camera}: {victim.Id} → {first.Node}; gap {gap.TotalSeconds:F2} s (tail ended {last.End:HH:mm:ss.fff}, first started {first.Start:HH:mm:ss.fff}; drain at {requestedAt:HH:mm:ss.fff})"));
            gap.Should().BeLessThanOrEqualTo(allowed, $"{camera} loses at most one segment ({cluster.SegmentSeconds} s, plus the wait for a keyframe) in the handoff");

            // The timeline API of any node shows both sides of the handoff, though they are on two nodes' disks.
            var via = await cluster.ActiveNodeAsync(except: victim);
            var ranges = await ClusterHarness.RecordedRangesAsync(via, camera, last.Start, first.End);
            ranges.Should().Contain(r => r.From < last.End && r.To > last.Start, $"{via.Id}'s timeline of {camera} shows the tail recorded on {victim.Id}");
            ranges.Should().Contain(r => r.From < first.End && r.To > first.Start, $"{via.Id}'s timeline of {camera} shows the first segment recorded on {first.Node}");
            SegmentTimeline.CrossRootOverlaps(segments, OverlapRounding).Should().BeEmpty(
                $"{camera} is never written by two nodes at once; its segments: {string.Join(" | ", segments)}");
        }

        output.WriteLine($"drain of {victim.Id}, handoff gap: {Distribution.Describe(gaps)}");
        (await cluster.Catalog.OverlappingEpochsAsync()).Should().BeEmpty("camera_epoch authority intervals never overlap");
    }
}
