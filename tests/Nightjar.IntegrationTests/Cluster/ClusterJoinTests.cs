using System.Globalization;
using Nightjar.IntegrationTests.Retention;
using Xunit.Abstractions;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// Scale-out with real processes: two nodes record twelve cameras, a third joins. With rebalancing every 2 s, a stable
/// membership required for 3 s and at most 2 moves per round, the new node takes cameras in bounded steps: balancing
/// needs 4 moves, and no window shorter than one round holds more than 2 move decisions (seen by polling
/// /api/v1/placement); it ends balanced within one camera, each moved camera recording on its new node.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterJoinTests(ITestOutputHelper output)
{
    // 6/6 → 4/4/4: twice the per-round cap, so the cap is exercised (8 cameras would need exactly 2 moves).
    private const int CameraCount = 12;
    private const int MaxMovesPerRound = 2;
    private const double RebalanceIntervalSeconds = 2;

    [Fact]
    public Task JoiningNode_TakesLoadInBoundedSteps() => HardDeadline.RunAsync(
        async () =>
        {
            var settings = ClusterTiming.FastWith(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Cluster:RebalanceIntervalSeconds"] = RebalanceIntervalSeconds.ToString(CultureInfo.InvariantCulture),
                ["Cluster:StableAfterSeconds"] = "3",
                ["Cluster:MaxRebalanceMovesPerRound"] = MaxMovesPerRound.ToString(CultureInfo.InvariantCulture),
                ["Cluster:RebalanceCooldownSeconds"] = "0",
            });
            await using var cluster = await ClusterHarness.CreateAsync("join", output, settings);

            // Camera slots bind (8 per node; ingest is ample), so "balanced" does not depend on measured bitrates.
            var capacity = new NodeCapacity(IngestMbps: 100, Cameras: 8);
            var n1 = cluster.AddNode("n1", capacity);
            var n2 = cluster.AddNode("n2", capacity);
            var n3 = cluster.AddNode("n3", capacity);
            await cluster.StartNodesAsync(n1, n2);
            var cameras = await cluster.AddCamerasAsync(CameraCount);
            await cluster.WaitForAllRecordingAsync(cameras, TimeSpan.FromSeconds(60));
            var before = await cluster.PlacementAsync();
            output.WriteLine("before the join: " + Describe(before));

            var joinedAt = DateTimeOffset.UtcNow;
            await cluster.StartNodeAsync(n3);

            // Poll the placement for the moves, and the assignment table for when each was decided: the coordinator
            // stamps release_requested_at (DB time) in the round that asks the owner to let go.
            var owners = before.Assignments.ToDictionary(a => a.Camera, a => a.Node, StringComparer.Ordinal);
            var moves = new List<(string Camera, string? From, string? To)>();
            var decisions = new HashSet<(string Camera, DateTimeOffset RequestedAt)>();
            PlacementView current = before;
            var balancedSince = (DateTimeOffset?)null;
            await ClusterWait.UntilAsync(
                async () =>
                {
                    decisions.UnionWith((await cluster.Catalog.ReleaseRequestsAsync()).Select(r => (r.Camera, r.RequestedAt)));
                    current = await cluster.PlacementAsync();
                    foreach (var assignment in current.Assignments)
                    {
                        if (assignment.Node is not null && owners.TryGetValue(assignment.Camera, out var owner) && owner is not null && owner != assignment.Node)
                        {
                            moves.Add((assignment.Camera, owner, assignment.Node));
                        }

                        owners[assignment.Camera] = assignment.Node ?? owners.GetValueOrDefault(assignment.Camera);
                    }

                    var counts = Counts(current, n1, n2, n3);
                    var settled = counts.Max() - counts.Min() <= 1 && current.Assignments.All(a => a.State == "active");
                    var now = DateTimeOffset.UtcNow;
                    balancedSince = settled ? balancedSince ?? now : null;

                    // Balanced and quiet for two rounds: the coordinator has nothing more to move.
                    return balancedSince is { } since && now - since > TimeSpan.FromSeconds(2 * RebalanceIntervalSeconds);
                },
                TimeSpan.FromSeconds(120),
                () => $"the placement to balance after {n3.Id} joined; now {Describe(current)}; moves so far: {string.Join(", ", moves.Select(m => $"{m.Camera} {m.From}→{m.To}"))}");

            output.WriteLine("after the join: " + Describe(current));
            foreach (var move in moves)
            {
                output.WriteLine($"move {move.Camera} {move.From} → {move.To}");
            }

            foreach (var decision in decisions.OrderBy(d => d.RequestedAt))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"release of {decision.Camera} requested at {decision.RequestedAt:HH:mm:ss.fff}"));
            }

            moves.Should().Contain(m => m.To == n3.Id, "the joining node takes cameras");
            moves.Count.Should().BeGreaterThan(MaxMovesPerRound, "balancing needed more moves than one round allows, so the cap was exercised");
            Counts(current, n1, n2, n3).Should().OnlyContain(c => c >= 3, "twelve cameras on three equal nodes end 4/4/4, within one camera");

            // Bounded steps: within any window shorter than one rebalance round, at most MaxMovesPerRound moves were decided.
            decisions.Select(d => d.Camera).Should().Contain(moves.Select(m => m.Camera), "every move was a release the coordinator asked for");
            var window = TimeSpan.FromSeconds(RebalanceIntervalSeconds) - TimeSpan.FromMilliseconds(100);
            var times = decisions.Select(d => d.RequestedAt).Order().ToList();
            for (var i = 0; i < times.Count; i++)
            {
                var inWindow = times.Count(t => t >= times[i] && t < times[i] + window);
                inWindow.Should().BeLessThanOrEqualTo(MaxMovesPerRound, string.Create(CultureInfo.InvariantCulture, $"at most {MaxMovesPerRound} moves per round (window from {times[i]:HH:mm:ss.fff})"));
            }

            // No ping-pong: every move went to the new node.
            moves.Should().OnlyContain(m => m.To == n3.Id, "rebalancing after a join only fills the new node");

            var movedToNew = moves.Where(m => m.To == n3.Id).Select(m => m.Camera).Distinct().ToList();
            await cluster.WaitForAllRecordingAsync(movedToNew, TimeSpan.FromSeconds(40), since: joinedAt, where: s => s.Node == n3.Id, what: "on the new node");
            var catalog = await cluster.SegmentsByCameraAsync();
            foreach (var camera in movedToNew)
            {
                SegmentTimeline.CrossRootOverlaps(catalog[camera], TimeSpan.FromMilliseconds(100)).Should().BeEmpty($"{camera} is never written by two nodes at once");
            }

            (await cluster.Catalog.OverlappingEpochsAsync()).Should().BeEmpty("camera_epoch authority intervals never overlap");
        },
        TimeSpan.FromMinutes(4),
        nameof(JoiningNode_TakesLoadInBoundedSteps));

    private static int[] Counts(PlacementView placement, params ClusterNode[] nodes)
    {
        var counts = placement.CountsByNode();
        return nodes.Select(n => counts.GetValueOrDefault(n.Id)).ToArray();
    }

    private static string Describe(PlacementView placement) =>
        string.Join(", ", placement.CountsByNode().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))
        + " [" + string.Join(" ", placement.Assignments.Select(a => $"{a.Camera}:{a.Node}/{a.State}")) + "]";
}
