using BenchmarkDotNet.Attributes;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Retention;

namespace Nightjar.Benchmarks.Retention;

/// <summary>
/// Planning one retention pass over a SQLite index of one million segments (100 cameras × 10,000 one-minute segments,
/// each row with a ~250-character GOP index), streamed oldest first in pages.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RetentionBenchmarkConfig))]
public class RetentionPassBenchmarks
{
    private const int Cameras = 100;
    private const int SegmentsPerCamera = 10_000;
    private const long SegmentBytes = 7_500_000;
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string GopIndex = string.Concat(Enumerable.Repeat("AR4Ag5_1wSHj8gEAq4EE3_8BAMnbAQ-", 8));

    /// <summary>Filled once and reused by every benchmark process (planning only reads it).</summary>
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "nightjar-retention-bench-1m");

    private ISegmentCatalog _catalog = null!;
    private CatalogRetentionSegments _segments = null!;
    private RetentionPlanInput _bounded = null!;
    private RetentionPlanInput _nothingDeletable = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var marker = Path.Combine(Directory, "filled");
        if (!File.Exists(marker))
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }

            System.IO.Directory.CreateDirectory(Directory);
        }

        _catalog = SegmentCatalogFactory.Create(new EventJournalOptions { DataPath = Directory });
        await _catalog.MigrateAsync(CancellationToken.None);
        if (!File.Exists(marker))
        {
            await FillAsync();
            await File.WriteAllTextAsync(marker, "1,000,000 segments");
        }

        _segments = new CatalogRetentionSegments(_catalog, "0");
        var cameraBytes = Enumerable.Range(0, Cameras).ToDictionary(Source, _ => SegmentsPerCamera * SegmentBytes);
        var rootBytes = Cameras * SegmentsPerCamera * SegmentBytes;
        var now = Start + TimeSpan.FromMinutes(SegmentsPerCamera);
        var depth = CameraRetentionPolicyOf(DepthLimit.Of(TimeSpan.FromDays(6)));
        var policies = Enumerable.Range(0, Cameras).ToDictionary(Source, _ => depth);

        // Steady state: the oldest day of every camera has expired; the pass stops at its bound of 500.
        _bounded = Input(now, policies, ProtectionSnapshot.Empty, cameraBytes, rootBytes, rootBytes);

        // Worst case: the root is over its limit but every segment is locked, so every step walks the whole index.
        var locked = new ProtectionSnapshot(Enumerable.Range(0, Cameras).ToDictionary(
            i => new CameraId(Source(i)),
            i => new CameraProtection(new CameraId(Source(i)), [], [new EvidenceLock("l" + i, new CameraId(Source(i)), Start.AddDays(-1), now.AddDays(1), null, "bench", "bench", Start)])));
        _nothingDeletable = Input(now, policies, locked, cameraBytes, rootBytes, rootBytes / 2);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_catalog is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Benchmark]
    public async Task<int> PlanBoundedPass() => (await RetentionPlanner.PlanAsync(_bounded, _segments, CancellationToken.None)).Deletions.Count;

    [Benchmark]
    public async Task<int> PlanNothingDeletable() => (await RetentionPlanner.PlanAsync(_nothingDeletable, _segments, CancellationToken.None)).Deletions.Count;

    private static string Source(int camera) => $"cam-{camera:D3}";

    private static CameraRetentionPolicy CameraRetentionPolicyOf(DepthLimit depth) =>
        CameraRetentionPolicy.From(new DvrPolicy(depth, null, null, DvrPolicy.DefaultPreAlarm, DvrPolicy.DefaultPostAlarm), null);

    private static RetentionPlanInput Input(
        DateTimeOffset now,
        Dictionary<string, CameraRetentionPolicy> policies,
        ProtectionSnapshot protection,
        Dictionary<string, long> cameraBytes,
        long rootBytes,
        long limit) =>
        new(now, policies, CameraRetentionPolicy.Removed(null), protection, _ => false, cameraBytes, rootBytes, Cameras * SegmentsPerCamera, limit, long.MaxValue / 4, 1L << 30, 500, TimeSpan.FromHours(1));

    /// <summary>Minute by minute across all cameras, as recorders write them, 10,000 rows per transaction.</summary>
    private async Task FillAsync()
    {
        var batch = new List<CatalogChange>(10_000);
        for (var minute = 0; minute < SegmentsPerCamera; minute++)
        {
            var start = Start.AddMinutes(minute);
            for (var camera = 0; camera < Cameras; camera++)
            {
                var source = Source(camera);
                batch.Add(new CatalogChange.Upsert(new CatalogSegment(
                    0, source, "main", "run1", $"{source}/main/run1/{start.ToUnixTimeSeconds()}.ts", "0", start, start.AddMinutes(1), SegmentBytes, GopIndex, CatalogSegmentState.Recorded)));
            }

            if (batch.Count >= 10_000)
            {
                await _catalog.ApplyAsync(batch, null, CancellationToken.None);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await _catalog.ApplyAsync(batch, null, CancellationToken.None);
        }
    }
}
