using BenchmarkDotNet.Attributes;
using Nightjar.Persistence;

namespace Nightjar.Benchmarks.Persistence;

/// <summary>
/// Appends per second with 1, 10 and 100 concurrent writers (actors), each awaiting its own append before the next,
/// as persistent actors do. One operation = one appended event (one event per append, two tags).
/// </summary>
[Config(typeof(JournalBenchmarkConfig))]
[MemoryDiagnoser]
public class JournalAppendBenchmarks
{
    private const int AppendsPerInvocation = 1_000;

    private JournalBenchmarkStore? _store;
    private long[] _highest = [];
    private string[] _cameras = [];

    [Params("sqlite", "postgresql")]
    public string Backend { get; set; } = "sqlite";

    [Params(1, 10, 100)]
    public int Writers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await JournalBenchmarkStore.CreateAsync(Backend);
        _cameras = Enumerable.Range(0, Writers).Select(i => $"cam-{i:D3}-{Guid.NewGuid():N}").ToArray();
        _highest = new long[Writers];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = AppendsPerInvocation)]
    public Task AppendAsync() => Task.WhenAll(Enumerable.Range(0, Writers).Select(WriteAsync));

    private async Task WriteAsync(int writer)
    {
        var journal = _store!.Journal;
        for (var i = 0; i < AppendsPerInvocation / Writers; i++)
        {
            var next = _highest[writer] + 1;
            _highest[writer] = await journal.AppendAsync(_cameras[writer], _highest[writer], [JournalBenchmarkStore.Event(_cameras[writer], next, "segment")], CancellationToken.None);
        }
    }
}
