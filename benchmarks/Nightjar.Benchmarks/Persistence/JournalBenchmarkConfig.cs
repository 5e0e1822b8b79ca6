using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Nightjar.Benchmarks.Persistence;

/// <summary>
/// I/O-bound and slow per invocation, so: one invocation per iteration (Monitoring), few iterations, and an
/// operations-per-second column (an operation is one event).
/// </summary>
public sealed class JournalBenchmarkConfig : ManualConfig
{
    public JournalBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5));
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
