using static Nightjar.Cluster.Tests.Support.Clusters;

namespace Nightjar.Cluster.Tests.Placement;

public sealed class PlacementPlannerCapacityTests
{
    [Fact]
    public void Plan_IngestIsTheLimit_FillsToIngestCapacityAndReportsTheRest()
    {
        var input = Input([Node("a", mbps: 100, cameras: 1000), Node("b", mbps: 100, cameras: 1000)], Cameras(60, mbps: 4));

        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.Assignments.Should().HaveCount(50);
        plan.Unplaceable.Should().HaveCount(10);
        plan.Load("a").Used.IngestMbps.Should().BeApproximately(100, 1e-9);
        plan.Load("b").Used.IngestMbps.Should().BeApproximately(100, 1e-9);
        plan.Moves.Should().OnlyContain(m => m.Reason == MoveReason.Initial && m.FromNode == null);
    }

    [Fact]
    public void Plan_SlotsAreTheLimit_FillsEverySlotAndReportsTheRest()
    {
        var input = Input([Node("a", cameras: 10), Node("b", cameras: 10)], Cameras(25, mbps: 1));

        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.CamerasOn("a").Should().Be(10);
        plan.CamerasOn("b").Should().Be(10);
        plan.Unplaceable.Should().HaveCount(5);
        plan.Load("a").CameraUtilization.Should().Be(1);
    }

    [Fact]
    public void Plan_StorageIsTheLimit_FillsStorageAndReportsTheRest()
    {
        const long gb = 1_000_000_000;
        var cameras = Enumerable.Range(0, 30).Select(i => Camera($"cam-{i:D2}", mbps: 1, storage: 3 * gb)).ToArray();
        var input = Input([Node("a", storage: 40 * gb), Node("b", storage: 50 * gb)], cameras);

        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.CamerasOn("a").Should().Be(13);
        plan.CamerasOn("b").Should().Be(16);
        plan.Unplaceable.Should().HaveCount(1);
        plan.Loads.Should().OnlyContain(l => l.StorageUtilization <= 1 && l.Utilization == l.StorageUtilization);
    }

    [Fact]
    public void Plan_RetentionDepthGiven_StorageNeedIsBitrateTimesDepth()
    {
        var camera = new PlacementCamera("cam", ExpectedMbps: 4) { MeasuredMbps = 8, RetentionDepth = TimeSpan.FromDays(1) };

        camera.StorageNeedBytes.Should().Be(8_000_000L / 8 * 86_400, "the measured bitrate replaces the expected one");
        (camera with { StorageBytes = 5 }).StorageNeedBytes.Should().Be(5, "an explicit need overrides the estimate");
        (camera with { MeasuredMbps = null }).Demand.Should().Be(new ResourceUsage(4, 1, 4_000_000L / 8 * 86_400));
    }

    [Fact]
    public void Plan_MaxUtilizationBelowOne_KeepsTheWatermarkInEveryDimension()
    {
        var rules = PlacementRules.Default with { MaxUtilization = 0.8 };
        var input = Input([Node("a", mbps: 100, cameras: 20), Node("b", mbps: 1000, cameras: 10)], Cameras(40, mbps: 5), rules: rules);

        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.CamerasOn("a").Should().Be(16, "16 × 5 Mbit/s = 80 % of ingest");
        plan.CamerasOn("b").Should().Be(8, "8 of 10 slots");
        plan.Unplaceable.Should().HaveCount(16);
    }

    [Fact]
    public void Plan_NodeWithTwiceTheCapacity_CarriesAboutTwiceTheBitrate()
    {
        const long tb = 1_000_000_000_000;
        var random = new Random(17);
        var cameras = Enumerable.Range(0, 300)
            .Select(i => new PlacementCamera($"cam-{i:D3}", ExpectedMbps: 2 + (random.NextDouble() * 4)) { RetentionDepth = TimeSpan.FromDays(7) })
            .ToArray();
        var input = Input(
            [Node("small", mbps: 1000, cameras: 400, storage: 300 * tb), Node("big", mbps: 2000, cameras: 800, storage: 600 * tb), Node("small2", mbps: 1000, cameras: 400, storage: 300 * tb)],
            cameras);

        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.Unplaceable.Should().BeEmpty();
        var big = plan.Load("big").Used.IngestMbps;
        var small = plan.Load("small").Used.IngestMbps;
        (big / small).Should().BeApproximately(2, 0.1);
        plan.Imbalance.Should().BeLessThan(0.02);
    }

    [Fact]
    public void Plan_SharedStorage_StorageIsNotALimit()
    {
        var cameras = Enumerable.Range(0, 10).Select(i => Camera($"cam-{i}", storage: long.MaxValue / 64)).ToArray();
        var input = Input([Node("a", storage: null)], cameras);

        var plan = PlacementPlanner.Plan(input);

        plan.Unplaceable.Should().BeEmpty();
        plan.Load("a").StorageUtilization.Should().Be(0);
    }

    [Fact]
    public void Plan_CapacityShort_LeastImportantCamerasStayUnassigned()
    {
        var important = Enumerable.Range(0, 5).Select(i => Camera($"z-important-{i}") with { Priority = 0 });
        var routine = Enumerable.Range(0, 5).Select(i => Camera($"a-routine-{i}") with { Priority = 5 });
        var input = Input([Node("a", cameras: 7)], [.. routine, .. important]);

        var plan = PlacementPlanner.Plan(input);

        plan.Assignments.Keys.Should().Contain(Enumerable.Range(0, 5).Select(i => $"z-important-{i}"));
        plan.Unplaceable.Should().HaveCount(3).And.OnlyContain(id => id.StartsWith("a-routine-", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_NoAliveNode_EveryCameraIsUnplaceable()
    {
        var input = Input([Node("a", state: NodeState.Joining), Node("b", state: NodeState.Draining)], Cameras(3));

        var plan = PlacementPlanner.Plan(input);

        plan.Assignments.Should().BeEmpty();
        plan.Unplaceable.Should().Equal("cam-0000", "cam-0001", "cam-0002");
        plan.Imbalance.Should().Be(0);
    }
}
