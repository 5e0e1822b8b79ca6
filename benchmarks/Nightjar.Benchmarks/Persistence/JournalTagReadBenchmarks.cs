using BenchmarkDotNet.Attributes;
using Nightjar.Persistence;

namespace Nightjar.Benchmarks.Persistence;

/// <summary>
/// Events-by-tag read throughput: a projection catching up on 10,000 tagged events in pages, deserializing each.
/// One operation = one event read.
/// </summary>
[Config(typeof(JournalBenchmarkConfig))]
[MemoryDiagnoser]
public class JournalTagReadBenchmarks
{
    private const int Events = 10_000;
    private const string Tag = "segment";

    private JournalBenchmarkStore? _store;

    [Params("sqlite", "postgresql")]
    public string Backend { get; set; } = "sqlite";

    [Params(100, 1000)]
    public int PageSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await JournalBenchmarkStore.CreateAsync(Backend);
        // 100 cameras x 100 events, written concurrently so group commit makes the setup quick; a second tag's
        // events are interleaved so the tag index, not a table scan, has to find them.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(async c =>
        {
            var camera = $"cam-{c:D3}";
            for (var n = 0L; n < Events / 100; n++)
            {
                await _store.Journal.AppendAsync(camera, n * 2, [JournalBenchmarkStore.Event(camera, n, Tag), JournalBenchmarkStore.Event(camera, n, "motion")], CancellationToken.None);
            }
        }));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<int> ReadByTagAsync()
    {
        var read = 0;
        var after = JournalOffset.Start;
        while (true)
        {
            var page = await _store!.Journal.ReadByTagAsync(Tag, after, PageSize, CancellationToken.None);
            read += page.Count;
            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Offset;
        }

        return read == Events ? read : throw new InvalidOperationException($"Read {read} events, expected {Events}.");
    }
}
