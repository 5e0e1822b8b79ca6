using Nightjar.Persistence.Catalog;
using static Nightjar.Persistence.Tests.Catalog.TestSegments;

namespace Nightjar.Persistence.Tests.Catalog;

/// <summary>The storage-root filters: in a cluster each node reads only the rows of its own disk.</summary>
public abstract partial class SegmentCatalogConformanceTests
{
    [Fact]
    public async Task LatestAsync_OfOneRoot_ReturnsOnlyThatRootsNewestRows()
    {
        await using var catalog = Store.CreateCatalog();
        var (source, a, b) = await SeedTwoNodesAsync(catalog);

        var latest = await catalog.LatestAsync(source, "main", a.Root, 2, None);

        latest.Select(s => s.Path).Should().Equal(a.Rows[^1].Path, a.Rows[^2].Path);
        (await catalog.LatestAsync(source, "main", b.Root, 10, None)).Select(s => s.Path).Should().Equal(b.Rows.Reverse().Select(s => s.Path));
        (await catalog.LatestAsync(source, "main", null, 10, None)).Should().HaveCount(a.Rows.Length + b.Rows.Length);
    }

    [Fact]
    public async Task SummarizeAsync_OfOneRoot_CountsOnlyThatRoot()
    {
        await using var catalog = Store.CreateCatalog();
        var (source, a, b) = await SeedTwoNodesAsync(catalog);

        var summary = await catalog.SummarizeAsync(source, a.Root, None);

        summary.Should().Equal(new CatalogStreamSummary(source, "main", a.Rows.Length, a.Rows.Length * 7_500_000L, a.Rows[0].Start, a.Rows[^1].End));
        (await catalog.SummarizeAsync(null, b.Root, None)).Should().ContainSingle().Which.Segments.Should().Be(b.Rows.Length);
        (await catalog.SummarizeAsync(null, $"node-{Guid.NewGuid():N}/0", None)).Should().BeEmpty();
    }

    [Fact]
    public async Task OldestAsync_OfOneRoot_FillsEveryPageWithThatRootsRows()
    {
        await using var catalog = Store.CreateCatalog();
        var (source, a, _) = await SeedTwoNodesAsync(catalog);

        var first = await catalog.OldestAsync(source, a.Root, null, null, 2, None);
        var second = await catalog.OldestAsync(source, a.Root, null, first[^1], 2, None);
        var bounded = await catalog.OldestAsync(null, a.Root, a.Rows[1].End, null, 10, None);

        first.Concat(second).Select(s => s.Path).Should().Equal(a.Rows.Take(4).Select(s => s.Path));
        bounded.Select(s => s.Path).Should().Equal(a.Rows[0].Path, a.Rows[1].Path);
    }

    [Fact]
    public async Task InStateAsync_OfOneRoot_ReturnsOnlyThatRootsRows()
    {
        await using var catalog = Store.CreateCatalog();
        var (_, a, b) = await SeedTwoNodesAsync(catalog);
        await catalog.ApplyAsync(
            [new CatalogChange.SetState(a.Rows[0].Path, CatalogSegmentState.Garbage), new CatalogChange.SetState(b.Rows[0].Path, CatalogSegmentState.Garbage)],
            null,
            None);

        var garbage = await catalog.InStateAsync(CatalogSegmentState.Garbage, a.Root, null, 10, None);

        garbage.Should().ContainSingle().Which.Path.Should().Be(a.Rows[0].Path);
    }

    [Fact]
    public async Task RootFilters_RejectABlankRootName()
    {
        await using var catalog = Store.CreateCatalog();

        await FluentActions.Awaiting(() => catalog.LatestAsync("cam", "main", " ", 1, None)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => catalog.SummarizeAsync(null, "", None)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => catalog.OldestAsync(null, "", null, null, 1, None)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => catalog.InStateAsync(CatalogSegmentState.Garbage, "", null, 1, None)).Should().ThrowAsync<ArgumentException>();
    }

    /// <summary>One camera recorded by two nodes in turn (5 and 3 minutes, interleaved), each on its own root.</summary>
    private static async Task<(string Source, (string Root, CatalogSegment[] Rows) A, (string Root, CatalogSegment[] Rows) B)> SeedTwoNodesAsync(SegmentCatalog catalog)
    {
        var source = NewSource();
        var rootA = $"node-{Guid.NewGuid():N}/0";
        var rootB = $"node-{Guid.NewGuid():N}/0";
        var all = Run(source, T0, 8);
        var a = all.Where((_, i) => i is 0 or 1 or 4 or 5 or 7).Select(s => s with { StorageRoot = rootA }).ToArray();
        var b = all.Where((_, i) => i is 2 or 3 or 6).Select(s => s with { StorageRoot = rootB }).ToArray();
        await catalog.ApplyAsync(Upserts([.. a, .. b]), null, None);
        return (source, (rootA, a), (rootB, b));
    }
}
