using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Nightjar.Benchmarks.Events;

/// <summary>
/// Whole-pipeline and I/O-bound: one invocation per iteration (Monitoring), few iterations, and an operations-per-second
/// column where an operation is one event delivered to every sink.
/// </summary>
public sealed class EventSinkBenchmarkConfig : ManualConfig
{
    public EventSinkBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5));
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
