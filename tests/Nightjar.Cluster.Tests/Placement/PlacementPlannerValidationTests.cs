using static Nightjar.Cluster.Tests.Support.Clusters;

namespace Nightjar.Cluster.Tests.Placement;

public sealed class PlacementPlannerValidationTests
{
    public static TheoryData<string, PlacementInput> BadInputs() => new()
    {
        { "node 'a' appears twice", Input([Node("a"), Node("a")], []) },
        { "a node has an empty id", Input([Node("")], []) },
        { "node 'a': ingest capacity", Input([Node("a", mbps: 0)], []) },
        { "node 'a': ingest capacity", Input([Node("a", mbps: double.NaN)], []) },
        { "node 'a': camera capacity", Input([Node("a", cameras: -1)], []) },
        { "node 'a': storage capacity", Input([Node("a", storage: 0)], []) },
        { "node 'a' has an unknown state", Input([Node("a", state: (NodeState)42)], []) },
        { "camera 'c' appears twice", Input([Node("a")], [Camera("c"), Camera("c")]) },
        { "camera 'c': expected bitrate", Input([Node("a")], [Camera("c", mbps: -1)]) },
        { "camera 'c': measured bitrate", Input([Node("a")], [Camera("c") with { MeasuredMbps = double.PositiveInfinity }]) },
        { "camera 'c': storage need", Input([Node("a")], [Camera("c", storage: -5)]) },
        { "camera 'c': retention depth", Input([Node("a")], [Camera("c") with { RetentionDepth = TimeSpan.FromDays(-1) }]) },
        { "camera 'c': bitrate × retention", Input([Node("a")], [Camera("c", mbps: 1e12) with { RetentionDepth = TimeSpan.FromDays(3650) }]) },
        { "camera 'c' is assigned to an empty node id", Input([Node("a")], [Camera("c")], new Dictionary<string, string> { ["c"] = "" }) },
        { "ImbalanceThreshold must be between", Input([], [], rules: PlacementRules.Default with { ImbalanceThreshold = 0.05 }) },
        { "ImbalanceTarget must be between", Input([], [], rules: PlacementRules.Default with { ImbalanceTarget = -0.1 }) },
        { "MaxRebalanceMovesPerRound", Input([], [], rules: PlacementRules.Default with { MaxRebalanceMovesPerRound = -1 }) },
        { "MaxDrainMovesPerRound", Input([], [], rules: PlacementRules.Default with { MaxDrainMovesPerRound = -1 }) },
        { "RebalanceCooldown", Input([], [], rules: PlacementRules.Default with { RebalanceCooldown = TimeSpan.FromSeconds(-1) }) },
        { "MaxUtilization", Input([], [], rules: PlacementRules.Default with { MaxUtilization = 0 }) },
        { "MaxUtilization", Input([], [], rules: PlacementRules.Default with { MaxUtilization = 1.5 }) },
        { "MinImprovement", Input([], [], rules: PlacementRules.Default with { MinImprovement = double.NaN }) },
        { "ArchivePreferenceMargin", Input([], [], rules: PlacementRules.Default with { ArchivePreferenceMargin = 2 }) },
        { "the rules are missing", Input([], []) with { Rules = null! } },
        { "the node list is missing", Input(null!, []) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Plan_BadInput_ThrowsNamingTheProblem(string expected, PlacementInput input)
    {
        var act = () => PlacementPlanner.Plan(input);

        act.Should().Throw<ArgumentException>().WithMessage($"Invalid placement input: *{expected}*");
    }

    [Fact]
    public void Plan_NullInput_Throws()
    {
        var act = () => PlacementPlanner.Plan(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Plan_EmptyCluster_GivesAnEmptyPlan()
    {
        var plan = PlacementPlanner.Plan(Input([], []));

        plan.Assignments.Should().BeEmpty();
        plan.Moves.Should().BeEmpty();
        plan.Loads.Should().BeEmpty();
        plan.Imbalance.Should().Be(0);
    }
}
