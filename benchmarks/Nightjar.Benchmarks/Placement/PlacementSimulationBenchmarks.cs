using BenchmarkDotNet.Attributes;

namespace Nightjar.Benchmarks.Placement;

/// <summary>
/// The whole simulation (about 250 rounds on 100 nodes and 10,000 cameras): 10 random node failures and recoveries,
/// then 100 rounds of ±3 % bitrate noise. The time is for all of it; the outcome is in the extra columns, and the
/// per-event detail is printed once from the setup into the benchmark log.
/// </summary>
[Config(typeof(PlacementSimulationConfig))]
[MemoryDiagnoser]
public class PlacementSimulationBenchmarks
{
    [GlobalSetup]
    public void Setup() => Console.WriteLine(PlacementSimulationReport.Instance);

    [Benchmark]
    public PlacementSimulationReport FailuresRecoveriesAndNoise() => PlacementSimulationReport.Run();
}
