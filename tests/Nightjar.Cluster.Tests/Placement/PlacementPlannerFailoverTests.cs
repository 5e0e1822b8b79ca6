using static Nightjar.Cluster.Tests.Support.Clusters;

namespace Nightjar.Cluster.Tests.Placement;

public sealed class PlacementPlannerFailoverTests
{
    [Fact]
    public void Plan_NodeDead_ItsCamerasSpreadOverTheOthers()
    {
        var placed = Placed(Input([Node("n1"), Node("n2"), Node("n3"), Node("n4")], Cameras(120)));
        var onN2 = placed.Assignments.Where(a => a.Value == "n2").Select(a => a.Key).ToHashSet();
        onN2.Should().HaveCount(30);

        var input = placed.WithNodeState("n2", NodeState.Dead) with { MembershipChanging = true };
        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.Moves.Should().HaveCount(30).And.OnlyContain(m => m.Reason == MoveReason.Failover && m.FromNode == "n2");
        plan.Moves.Select(m => m.CameraId).Should().BeEquivalentTo(onN2, "only the dead node's cameras move");
        plan.Moves.GroupBy(m => m.ToNode).Select(g => g.Count()).Should().AllSatisfy(n => n.Should().Be(10));
        plan.Load("n2").Used.Should().Be(default(ResourceUsage));
        plan.Imbalance.Should().Be(0);
    }

    [Fact]
    public void Plan_AssignedToANodeNotInTheView_FailsOver()
    {
        var input = Input([Node("a")], [Camera("cam")], new Dictionary<string, string> { ["cam"] = "gone" });

        var plan = PlacementPlanner.Plan(input);

        plan.Moves.Should().Equal(new PlacementMove("cam", "gone", "a", MoveReason.Failover));
    }

    [Fact]
    public void Plan_AssignmentForUnknownCamera_IsDropped()
    {
        var input = Input([Node("a")], [Camera("cam")], new Dictionary<string, string> { ["cam"] = "a", ["deleted"] = "a" });

        var plan = PlacementPlanner.Plan(input);

        plan.Assignments.Should().Equal(new Dictionary<string, string> { ["cam"] = "a" });
        plan.Moves.Should().BeEmpty();
    }

    [Fact]
    public void Plan_ArchiveNodeNotMuchWorse_IsPreferred()
    {
        // a carries 10 of 100 slots, b 13: after placement 0.11 against 0.14, within the 0.05 margin.
        var (input, _) = TwoNodes(onA: 10, onB: 13, Camera("new", archive: "b"));

        var plan = PlacementPlanner.Plan(input);

        plan.Moves.Should().Equal(new PlacementMove("new", null, "b", MoveReason.Initial));
    }

    [Fact]
    public void Plan_ArchiveNodeMuchWorse_TheBestNodeWins()
    {
        // After placement 0.11 against 0.17: more than 0.05 worse.
        var (input, _) = TwoNodes(onA: 10, onB: 16, Camera("new", archive: "b"));

        var plan = PlacementPlanner.Plan(input);

        plan.Moves.Should().Equal(new PlacementMove("new", null, "a", MoveReason.Initial));
    }

    [Fact]
    public void Plan_ArchiveNodeFull_TheCameraGoesElsewhere()
    {
        var (input, _) = TwoNodes(onA: 10, onB: 100, Camera("new", archive: "b"));

        var plan = PlacementPlanner.Plan(input with { MembershipChanging = true });

        plan.Moves.Should().Equal(new PlacementMove("new", null, "a", MoveReason.Initial));
    }

    [Fact]
    public void Plan_ArchiveMarginZero_OnlyAnEqualArchiveNodeWins()
    {
        var (input, _) = TwoNodes(onA: 10, onB: 11, Camera("new", archive: "b"));

        var plan = PlacementPlanner.Plan(input with { Rules = PlacementRules.Default with { ArchivePreferenceMargin = 0 } });

        plan.Moves.Should().Equal(new PlacementMove("new", null, "a", MoveReason.Initial));
    }

    [Fact]
    public void Plan_RequiredLabels_OnlyMatchingNodesReceiveTheCamera()
    {
        var north = Labels(("site", "north"), ("zone", "1"));
        var south = Labels(("site", "south"), ("zone", "1"));
        var cameras = Cameras(20).Select(c => c with { RequiredLabels = Labels(("site", "south")) }).ToArray();
        var input = Input([Node("n", labels: north), Node("s1", labels: south), Node("s2", labels: south), Node("bare")], cameras);

        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.Assignments.Values.Should().OnlyContain(n => n == "s1" || n == "s2");
        plan.CamerasOn("s1").Should().Be(10);
    }

    [Fact]
    public void Plan_NoNodeHasTheLabel_CameraIsUnplaceable()
    {
        var camera = Camera("cam") with { RequiredLabels = Labels(("site", "mars")) };
        var input = Input([Node("a", labels: Labels(("site", "earth")))], [camera]);

        var plan = PlacementPlanner.Plan(input);

        plan.Unplaceable.Should().Equal("cam");
        plan.Assignments.Should().BeEmpty();
    }

    [Fact]
    public void Plan_NodeLosesARequiredLabel_CamerasMoveWithLabelReason()
    {
        var site = Labels(("site", "x"));
        var cameras = Cameras(6).Select(c => c with { RequiredLabels = site }).ToArray();
        var placed = Placed(Input([Node("a", labels: site), Node("b", labels: site)], cameras));

        var input = placed.WithNode("a", n => n with { Labels = Labels(("site", "y")) });
        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.Moves.Should().HaveCount(3).And.OnlyContain(m => m.Reason == MoveReason.Label && m.FromNode == "a" && m.ToNode == "b");
    }

    [Fact]
    public void Plan_DeadNodeCamerasFitNowhere_AreReportedUnplaceable()
    {
        var placed = Placed(Input([Node("a", cameras: 5), Node("b", cameras: 5)], Cameras(8)));

        var input = placed.WithNodeState("a", NodeState.Dead);
        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.CamerasOn("b").Should().Be(5);
        plan.Unplaceable.Should().HaveCount(3);
        plan.CountMoves(MoveReason.Failover).Should().Be(1);
    }

    [Fact]
    public void Plan_JoiningNode_KeepsItsCamerasButReceivesNone()
    {
        var input = Input(
            [Node("a"), Node("j", state: NodeState.Joining)],
            Cameras(4),
            new Dictionary<string, string> { ["cam-0000"] = "j", ["cam-0001"] = "j" });

        var plan = PlacementPlanner.Plan(input);

        plan.Assignments["cam-0000"].Should().Be("j");
        plan.Moves.Should().HaveCount(2).And.OnlyContain(m => m.ToNode == "a");
    }

    private static (PlacementInput Input, PlacementCamera Camera) TwoNodes(int onA, int onB, PlacementCamera camera)
    {
        var cameras = Cameras(onA, mbps: 1, prefix: "a").Concat(Cameras(onB, mbps: 1, prefix: "b")).ToList();
        var assignments = cameras.ToDictionary(c => c.Id, c => c.Id[..1], StringComparer.Ordinal);
        cameras.Add(camera);
        return (Input([Node("a"), Node("b")], cameras, assignments), camera);
    }
}
