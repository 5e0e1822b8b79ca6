using static Nightjar.Cluster.Tests.Support.Clusters;

namespace Nightjar.Cluster.Tests.Placement;

public sealed class PlacementPlannerDeterminismTests
{
    [Fact]
    public void Plan_SameStateInAnyOrder_GivesTheSamePlan()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var input = RandomClusters.Create(new Random(seed));
            var expected = PlacementPlanner.Plan(input);

            for (int shuffle = 0; shuffle < 3; shuffle++)
            {
                var actual = PlacementPlanner.Plan(RandomClusters.Shuffled(input, new Random((seed * 10) + shuffle)));

                actual.Moves.Should().Equal(expected.Moves, "seed {0}", seed);
                actual.Assignments.Should().Equal(expected.Assignments);
                actual.Unplaceable.Should().Equal(expected.Unplaceable);
                actual.Stranded.Should().Equal(expected.Stranded);
                actual.Loads.Should().Equal(expected.Loads);
                actual.Imbalance.Should().Be(expected.Imbalance);
                actual.RebalanceSessionOpen.Should().Be(expected.RebalanceSessionOpen);
            }
        }
    }

    [Fact]
    public void Plan_TiesBreakByNodeId()
    {
        var plan = PlacementPlanner.Plan(Input([Node("b"), Node("c"), Node("a")], [Camera("cam")]));

        plan.Moves.Should().Equal(new PlacementMove("cam", null, "a", MoveReason.Initial));
    }

    [Fact]
    public void Plan_InputIsNotChanged()
    {
        var cameras = Cameras(10);
        var assignments = new Dictionary<string, string>(StringComparer.Ordinal) { ["cam-0000"] = "gone" };
        var input = Input([Node("a"), Node("b")], cameras, assignments);

        PlacementPlanner.Plan(input);

        assignments.Should().Equal(new Dictionary<string, string> { ["cam-0000"] = "gone" });
        input.Cameras.Should().Equal(cameras);
    }
}
