using System.Globalization;
using System.Text;
using Nightjar.Cluster.Placement;

namespace Nightjar.Benchmarks.Placement;

/// <summary>
/// The placement simulation on the benchmark cluster, as numbers: 10 random node failures, each followed by the
/// node's recovery (back empty, as a new incarnation), and 100 rounds of ±3 % bitrate noise. Deterministic (seeded).
/// </summary>
public sealed record PlacementSimulationReport(
    double InitialImbalance,
    double MaxImbalanceAfterSettle,
    double MeanMovesPerFailure,
    double MeanMovesPerRecovery,
    int MaxMovesInARound,
    double MeanRoundsToSettleRecovery,
    int NoiseMoves,
    int TotalRounds,
    IReadOnlyList<string> Events)
{
    public const int Failures = 10;
    public const int NoiseRounds = 100;

    private static readonly Lazy<PlacementSimulationReport> Computed = new(() => Run());

    /// <summary>Computed once per process (the columns run in the host process, the benchmark in its own).</summary>
    public static PlacementSimulationReport Instance => Computed.Value;

    public static PlacementSimulationReport Run(int seed = 7)
    {
        var random = new Random(seed);
        var scenario = new PlacementScenario(BenchCluster.Settled());
        double initial = PlacementPlanner.Plan(scenario.Current).Imbalance;
        var events = new List<string>();
        var failureMoves = new List<int>();
        var recoveryMoves = new List<int>();
        var recoveryRounds = new List<int>();
        double maxImbalance = 0;
        int maxInRound = 0;

        for (int i = 0; i < Failures; i++)
        {
            var victim = scenario.Current.Nodes[random.Next(scenario.Current.Nodes.Count)];
            scenario.ChangeMembership(s => WithState(s, victim.Id, NodeState.Dead));
            var failed = scenario.Settle();
            failureMoves.Add(failed.Moves.Values.Sum());
            maxImbalance = Math.Max(maxImbalance, scenario.LastPlan!.Imbalance);
            maxInRound = Math.Max(maxInRound, failed.MaxMovesInARound);
            events.Add(Describe($"{victim.Id} dies", failed, scenario.LastPlan));

            scenario.ChangeMembership(s => WithState(s, victim.Id, NodeState.Alive));
            var recovered = scenario.Settle();
            recoveryMoves.Add(recovered.Moves.Values.Sum());
            recoveryRounds.Add(recovered.Rounds);
            maxImbalance = Math.Max(maxImbalance, scenario.LastPlan!.Imbalance);
            maxInRound = Math.Max(maxInRound, recovered.MaxMovesInARound);
            events.Add(Describe($"{victim.Id} back", recovered, scenario.LastPlan));
        }

        int noiseMoves = 0;
        for (int round = 0; round < NoiseRounds; round++)
        {
            scenario.ChangeCameras(s => s with
            {
                Cameras = s.Cameras.Select(c => c with { MeasuredMbps = c.ExpectedMbps * (1 + (((random.NextDouble() * 2) - 1) * 0.03)) }).ToArray(),
            });
            noiseMoves += scenario.Step().Moves.Count;
        }

        events.Add(string.Create(CultureInfo.InvariantCulture, $"{NoiseRounds} rounds of ±3 % noise: {noiseMoves} moves, imbalance {scenario.LastPlan!.Imbalance:F3}"));
        return new PlacementSimulationReport(
            initial,
            maxImbalance,
            failureMoves.Average(),
            recoveryMoves.Average(),
            maxInRound,
            recoveryRounds.Average(),
            noiseMoves,
            scenario.Rounds,
            events);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"placement simulation: {BenchCluster.NodeCount} nodes, {BenchCluster.CameraCount} cameras, initial imbalance {InitialImbalance:F3}");
        foreach (var line in Events)
        {
            text.AppendLine("  " + line);
        }

        text.Append(CultureInfo.InvariantCulture, $"max imbalance after settling {MaxImbalanceAfterSettle:F3}; moves per failure {MeanMovesPerFailure:F1}, per recovery {MeanMovesPerRecovery:F1} over {MeanRoundsToSettleRecovery:F1} rounds; max moves in one round {MaxMovesInARound}; noise moves {NoiseMoves}; {TotalRounds} rounds in all");
        return text.ToString();
    }

    private static PlacementInput WithState(PlacementInput input, string node, NodeState state) =>
        input with { Nodes = input.Nodes.Select(n => n.Id == node ? n with { State = state } : n).ToArray() };

    private static string Describe(string what, (Dictionary<MoveReason, int> Moves, int Rounds, int MaxMovesInARound) result, PlacementPlan last)
    {
        var reasons = string.Join(", ", result.Moves.Where(m => m.Value > 0).Select(m => $"{m.Key} {m.Value}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {result.Moves.Values.Sum()} moves ({reasons}) in {result.Rounds} rounds, imbalance {last.Imbalance:F3}, unplaceable {last.Unplaceable.Count}");
    }
}
