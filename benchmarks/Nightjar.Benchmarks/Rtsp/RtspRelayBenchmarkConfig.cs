using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Nightjar.Benchmarks.Rtsp;

/// <summary>
/// A bounded load: one invocation per iteration (each one is a whole burst), a few iterations. The build timeout is
/// raised because building the boilerplate project on the shared 2-core machine took longer than the default 2 min.
/// </summary>
public sealed class RtspRelayBenchmarkConfig : ManualConfig
{
    public RtspRelayBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(8));
        WithBuildTimeout(TimeSpan.FromMinutes(10));
        AddColumn(StatisticColumn.OperationsPerSecond);
        AddColumn(RtspRelayColumn.All);
    }
}
