using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Nightjar.Benchmarks.Placement;

/// <summary>
/// One invocation per iteration (a whole simulation is a few hundred rounds), a few iterations, and the simulation's
/// outcome as extra columns.
/// </summary>
public sealed class PlacementSimulationConfig : ManualConfig
{
    public PlacementSimulationConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3));
        WithBuildTimeout(TimeSpan.FromMinutes(10));
        AddColumn(PlacementSimulationColumn.All);
    }
}
