using BenchmarkDotNet.Attributes;
using Nightjar.Cluster.Placement;

namespace Nightjar.Benchmarks.Placement;

/// <summary>
/// Time and allocation of one placement round on 100 nodes and 10,000 cameras, for the kinds of round a coordinator
/// runs: a steady one (nothing to do, the common case every 30 s), a failover of the biggest node's cameras, a
/// rebalancing round toward an empty node (20 moves, the bound), and placing every camera from scratch (cold start).
/// The inputs are built once; the planner is pure, so every invocation does the same work.
/// </summary>
[Config(typeof(PlacementBenchmarkConfig))]
[MemoryDiagnoser]
public class PlacementBenchmarks
{
    private PlacementInput _steady = null!;
    private PlacementInput _failover = null!;
    private PlacementInput _rebalance = null!;
    private PlacementInput _cold = null!;

    [GlobalSetup]
    public void Setup()
    {
        _steady = BenchCluster.Settled();
        var biggest = _steady.Nodes.OrderByDescending(n => n.Capacity.Cameras).ThenBy(n => n.Id, StringComparer.Ordinal).First().Id;
        _failover = _steady with
        {
            Nodes = _steady.Nodes.Select(n => n.Id == biggest ? n with { State = NodeState.Dead } : n).ToArray(),
            MembershipChanging = true,
        };
        // The biggest node back, empty, an hour after its cameras failed over to the others.
        var afterFailover = _failover.Apply(PlacementPlanner.Plan(_failover));
        _rebalance = afterFailover with
        {
            Nodes = _steady.Nodes,
            MembershipChanging = false,
            Now = afterFailover.Now + TimeSpan.FromHours(1),
        };
        _cold = _steady with { Assignments = new Dictionary<string, string>(StringComparer.Ordinal) };

        Expect(PlacementPlanner.Plan(_steady).Moves.Count == 0, "steady round moves nothing");
        Expect(PlacementPlanner.Plan(_failover).CountMoves(MoveReason.Failover) == _steady.Assignments.Count(a => a.Value == biggest), "failover moves the dead node's cameras");
        Expect(PlacementPlanner.Plan(_rebalance).CountMoves(MoveReason.Rebalance) == PlacementRules.Default.MaxRebalanceMovesPerRound, "rebalance round is full");
        Expect(PlacementPlanner.Plan(_cold).Moves.Count == BenchCluster.CameraCount, "cold start places every camera");
    }

    [Benchmark(Baseline = true)]
    public PlacementPlan SteadyRound() => PlacementPlanner.Plan(_steady);

    [Benchmark]
    public PlacementPlan FailoverRound() => PlacementPlanner.Plan(_failover);

    [Benchmark]
    public PlacementPlan RebalanceRound() => PlacementPlanner.Plan(_rebalance);

    [Benchmark]
    public PlacementPlan ColdStart() => PlacementPlanner.Plan(_cold);

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("benchmark setup is wrong: " + what);
        }
    }
}
