using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Nightjar.Benchmarks.Placement;

/// <summary>
/// The short job (1 launch, 3 warm-ups, 3 iterations): a round is milliseconds, so this is enough, and the machine is
/// shared. The build timeout is raised because the benchmark project builds the whole server.
/// </summary>
public sealed class PlacementBenchmarkConfig : ManualConfig
{
    public PlacementBenchmarkConfig()
    {
        AddJob(Job.ShortRun);
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
