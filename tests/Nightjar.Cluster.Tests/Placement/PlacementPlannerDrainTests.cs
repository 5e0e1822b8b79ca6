using static Nightjar.Cluster.Tests.Support.Clusters;

namespace Nightjar.Cluster.Tests.Placement;

public sealed class PlacementPlannerDrainTests
{
    [Fact]
    public void Plan_NodeDraining_MovesAllItsCamerasInBoundedSteps()
    {
        var rules = PlacementRules.Default with { MaxDrainMovesPerRound = 12 };
        var simulation = new PlacementSimulation(Placed(Input([Node("a"), Node("b"), Node("c")], Cameras(90), rules: rules)));

        var steps = new List<int>();
        var plan = simulation.Step(s => s.WithNodeState("b", NodeState.Draining) with { MembershipChanging = true });
        while (plan.Moves.Count > 0)
        {
            steps.Add(plan.Moves.Count);
            plan.Moves.Should().OnlyContain(m => m.Reason == MoveReason.Drain && m.FromNode == "b" && m.ToNode != "b");
            plan = simulation.Step();
        }

        steps.Should().Equal(12, 12, 6);
        plan.CamerasOn("b").Should().Be(0);
        plan.CamerasOn("a").Should().Be(45);
        plan.CamerasOn("c").Should().Be(45);
        plan.Stranded.Should().BeEmpty();
    }

    [Fact]
    public void Plan_DrainBelowTheImbalanceThreshold_StillMoves()
    {
        // Only 4 of 100 slots: a drain does not wait for an imbalance.
        var placed = Placed(Input([Node("a"), Node("b")], Cameras(4)));

        var plan = PlacementPlanner.Plan(placed.WithNodeState("a", NodeState.Draining));

        plan.Moves.Should().HaveCount(2).And.OnlyContain(m => m.Reason == MoveReason.Drain && m.ToNode == "b");
    }

    [Fact]
    public void Plan_DrainIgnoresCooldown()
    {
        var placed = Placed(Input([Node("a"), Node("b")], Cameras(4)));
        var input = placed.WithNodeState("a", NodeState.Draining) with
        {
            Cameras = placed.Cameras.Select(c => c with { LastMovedAt = T0 }).ToArray(),
        };

        PlacementPlanner.Plan(input).CountMoves(MoveReason.Drain).Should().Be(2);
    }

    [Fact]
    public void Plan_DrainTargetsFull_CamerasAreStrandedAndStay()
    {
        var placed = Placed(Input([Node("a", cameras: 10), Node("b", cameras: 10)], Cameras(16)));

        var input = placed.WithNodeState("a", NodeState.Draining);
        var plan = PlacementPlanner.Plan(input);

        PlanInvariants.Check(input, plan);
        plan.CountMoves(MoveReason.Drain).Should().Be(2);
        plan.Stranded.Should().HaveCount(6);
        plan.Stranded.Should().OnlyContain(id => plan.Assignments[id] == "a", "a stranded camera keeps recording where it is");
        plan.Unplaceable.Should().BeEmpty();
    }

    [Fact]
    public void Plan_DrainBoundZero_NothingLeaves()
    {
        var placed = Placed(Input([Node("a"), Node("b")], Cameras(4)));
        var input = placed.WithNodeState("a", NodeState.Draining) with { Rules = PlacementRules.Default with { MaxDrainMovesPerRound = 0 } };

        PlacementPlanner.Plan(input).Moves.Should().BeEmpty();
    }

    [Fact]
    public void Plan_DrainingNode_IsNotCountedInTheImbalance()
    {
        var placed = Placed(Input([Node("a"), Node("b"), Node("c")], Cameras(60)));
        var input = placed.WithNodeState("a", NodeState.Draining) with { Rules = PlacementRules.Default with { MaxDrainMovesPerRound = 0 } };

        var plan = PlacementPlanner.Plan(input);

        plan.Imbalance.Should().Be(0, "b and c carry the same; a's load is reported but not compared");
        plan.Load("a").Used.Cameras.Should().Be(20);
        plan.Load("a").State.Should().Be(NodeState.Draining);
    }
}
