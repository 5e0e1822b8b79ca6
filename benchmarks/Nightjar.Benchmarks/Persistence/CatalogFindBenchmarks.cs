using BenchmarkDotNet.Attributes;
using Nightjar.Persistence.Catalog;

namespace Nightjar.Benchmarks.Persistence;

/// <summary>
/// Segment catalog reads over 30 days of 60 s segments for 10 streams (432,000 rows): the window queries behind an
/// archive playlist (1 hour and 7 days of one stream), the live edge, and one source's summary (retention, status).
/// </summary>
[Config(typeof(CatalogBenchmarkConfig))]
[MemoryDiagnoser]
public class CatalogFindBenchmarks
{
    private const string Stream = "main";

    // Not on minute boundaries, so the first segment straddles the window's start.
    private static readonly DateTimeOffset HourFrom = CatalogBenchmarkStore.Start.AddDays(15).AddHours(9).AddSeconds(17);
    private static readonly DateTimeOffset WeekFrom = CatalogBenchmarkStore.Start.AddDays(20).AddSeconds(17);

    private readonly string _source = CatalogBenchmarkStore.Source(3);
    private CatalogBenchmarkStore? _store;

    [Params("sqlite", "postgresql")]
    public string Backend { get; set; } = "sqlite";

    [GlobalSetup]
    public async Task SetupAsync() => _store = await CatalogBenchmarkStore.CreateAsync(Backend);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Benchmark]
    public Task<int> FindOneHour() => FindAsync(HourFrom, HourFrom.AddHours(1), expected: 61);

    [Benchmark]
    public Task<int> FindSevenDays() => FindAsync(WeekFrom, WeekFrom.AddDays(7), expected: (7 * 24 * 60) + 1);

    [Benchmark]
    public async Task<int> Latest10()
    {
        var latest = await _store!.Catalog.LatestAsync(_source, Stream, 10, CancellationToken.None);
        return latest.Count == 10 ? latest.Count : throw new InvalidOperationException($"Latest returned {latest.Count} segments.");
    }

    [Benchmark]
    public async Task<long> SummarizeOneSource()
    {
        var summary = await _store!.Catalog.SummarizeAsync(_source, CancellationToken.None);
        return summary is [{ Segments: CatalogBenchmarkStore.SegmentsPerStream } one]
            ? one.Segments
            : throw new InvalidOperationException("The summary does not count the whole stream.");
    }

    private async Task<int> FindAsync(DateTimeOffset from, DateTimeOffset to, int expected)
    {
        var found = await _store!.Catalog.FindAsync(_source, Stream, from, to, includeLost: false, CancellationToken.None);
        return found.Count == expected ? found.Count : throw new InvalidOperationException($"Found {found.Count} segments, expected {expected}.");
    }
}
