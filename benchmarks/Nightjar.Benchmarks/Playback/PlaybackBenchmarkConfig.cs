using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Nightjar.Benchmarks.Playback;

/// <summary>
/// A short job (1 launch, 3 warm-ups, 5 iterations): a 7-day operation takes a third of a second or more. The build
/// timeout is raised because the boilerplate project builds the whole server on a shared 2-core machine.
/// </summary>
public sealed class PlaybackBenchmarkConfig : ManualConfig
{
    public PlaybackBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
