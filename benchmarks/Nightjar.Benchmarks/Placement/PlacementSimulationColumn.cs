using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Nightjar.Benchmarks.Placement;

/// <summary>
/// Summary columns with the simulation's outcome. The simulation is deterministic, so the host process computes it
/// again rather than passing it from the benchmark process.
/// </summary>
public sealed class PlacementSimulationColumn(string name, string legend, Func<PlacementSimulationReport, string> value) : IColumn
{
    public string Id => "PlacementSimulation." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public static IColumn[] All =>
    [
        new PlacementSimulationColumn("Imbalance max", "Highest spread (max - min load over alive nodes) once settled after each failure and recovery", r => F(r.MaxImbalanceAfterSettle, "0.000")),
        new PlacementSimulationColumn("Moves/failure", "Moves (all reasons) from a node's death until quiet, mean of 10", r => F(r.MeanMovesPerFailure, "0.0")),
        new PlacementSimulationColumn("Moves/recovery", "Moves from a node's return (empty) until quiet, mean of 10", r => F(r.MeanMovesPerRecovery, "0.0")),
        new PlacementSimulationColumn("Rounds/recovery", "Rounds of 30 s from a node's return to its last move (2 paused for stable-after), mean of 10", r => F(r.MeanRoundsToSettleRecovery, "0.0")),
        new PlacementSimulationColumn("Max moves/round", "Most moves in any one round of the simulation", r => F(r.MaxMovesInARound, "0")),
        new PlacementSimulationColumn("Noise moves", "Moves over 100 rounds of +-3 % bitrate noise", r => F(r.NoiseMoves, "0")),
    ];

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => value(PlacementSimulationReport.Instance);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;

    private static string F(double number, string format) => number.ToString(format, CultureInfo.InvariantCulture);
}
