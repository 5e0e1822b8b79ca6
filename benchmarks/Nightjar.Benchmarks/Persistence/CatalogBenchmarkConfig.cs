using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Nightjar.Benchmarks.Persistence;

/// <summary>
/// Filling 432,000 rows takes seconds to a minute and happens in every benchmark process, so: one launch and a bounded
/// number of iterations (queries take milliseconds, so each iteration still runs many of them).
/// </summary>
public sealed class CatalogBenchmarkConfig : ManualConfig
{
    public CatalogBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10));
    }
}
