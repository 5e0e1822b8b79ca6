using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Nightjar.Benchmarks.Retention;

/// <summary>A pass reads up to millions of rows and takes seconds: one launch, one warm-up, three iterations.</summary>
public sealed class RetentionBenchmarkConfig : ManualConfig
{
    public RetentionBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }
}
