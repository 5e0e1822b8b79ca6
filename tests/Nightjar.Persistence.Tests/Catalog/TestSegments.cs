using Nightjar.Persistence.Catalog;

namespace Nightjar.Persistence.Tests.Catalog;

/// <summary>Segments for catalog tests: whole milliseconds (exact in the microsecond store), unique sources per test.</summary>
internal static class TestSegments
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    public static string NewSource() => $"cam-{Guid.NewGuid():N}";

    public static CatalogSegment Make(
        string source,
        DateTimeOffset start,
        TimeSpan duration,
        string stream = "main",
        CatalogSegmentState state = CatalogSegmentState.Recorded,
        string? path = null,
        long bytes = 7_500_000) =>
        new(
            0,
            source,
            stream,
            "01JRUN0000000000000000000",
            path ?? $"{source}/{stream}/{start.ToUnixTimeMilliseconds()}.ts",
            "root0",
            start,
            start + duration,
            bytes,
            "AQIDBA",
            state);

    /// <summary><paramref name="count"/> back-to-back 60 s segments from <paramref name="start"/>.</summary>
    public static CatalogSegment[] Run(string source, DateTimeOffset start, int count, string stream = "main") =>
        Enumerable.Range(0, count).Select(i => Make(source, start.AddMinutes(i), TimeSpan.FromMinutes(1), stream)).ToArray();

    public static CatalogChange[] Upserts(IEnumerable<CatalogSegment> segments) =>
        segments.Select(s => (CatalogChange)new CatalogChange.Upsert(s)).ToArray();

    /// <summary>Compares what the catalog returned with what was written: everything but the catalog-assigned id.</summary>
    public static CatalogSegment WithoutId(this CatalogSegment segment) => segment with { Id = 0 };
}
