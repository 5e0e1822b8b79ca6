using Nightjar.Persistence.Catalog;
using Nightjar.Persistence.Tests.Fixtures;
using static Nightjar.Persistence.Tests.Catalog.TestSegments;

namespace Nightjar.Persistence.Tests.Catalog;

public abstract partial class SegmentCatalogConformanceTests
{
    [Fact]
    public async Task LatestAsync_ReturnsNewestRecordedFirst()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var run = Run(source, T0, 6);
        run[5] = run[5] with { State = CatalogSegmentState.Lost };
        await catalog.ApplyAsync(Upserts([.. run, .. Run(source, T0.AddHours(1), 2, "sub")]), null, None);

        var latest = await catalog.LatestAsync(source, "main", 3, None);

        latest.Select(s => s.Path).Should().Equal(run[4].Path, run[3].Path, run[2].Path);
        (await catalog.LatestAsync(NewSource(), "main", 3, None)).Should().BeEmpty();
    }

    [Fact]
    public async Task SummarizeAsync_OneSource_CountsRecordedSegmentsPerStream()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var main = Run(source, T0, 4);
        main[0] = main[0] with { State = CatalogSegmentState.Garbage };
        var sub = Run(source, T0.AddMinutes(30), 2, "sub");
        var lostOnly = Make(source, T0, TimeSpan.FromMinutes(1), "third", CatalogSegmentState.Lost);
        await catalog.ApplyAsync(Upserts([.. main, .. sub, lostOnly, .. Run(NewSource(), T0, 3)]), null, None);

        var summary = await catalog.SummarizeAsync(source, None);

        summary.Should().Equal(
            new CatalogStreamSummary(source, "main", 3, 3 * 7_500_000L, T0.AddMinutes(1), T0.AddMinutes(4)),
            new CatalogStreamSummary(source, "sub", 2, 2 * 7_500_000L, T0.AddMinutes(30), T0.AddMinutes(32)));
        (await catalog.SummarizeAsync(NewSource(), None)).Should().BeEmpty();
    }

    [Fact]
    public async Task SummarizeAsync_AllSources_OrderedBySourceAndStream()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var catalog = fresh.CreateCatalog();
        await catalog.MigrateAsync(None);
        await catalog.ApplyAsync(Upserts([.. Run("b-cam", T0, 2), .. Run("a-cam", T0, 1, "sub"), .. Run("a-cam", T0.AddDays(1), 3)]), null, None);

        var summary = await catalog.SummarizeAsync(null, None);

        summary.Select(s => (s.Source, s.Stream, s.Segments)).Should().Equal(("a-cam", "main", 3L), ("a-cam", "sub", 1L), ("b-cam", "main", 2L));
        summary[0].Oldest.Should().Be(T0.AddDays(1));
        summary[0].Newest.Should().Be(T0.AddDays(1).AddMinutes(3));
    }

    [Fact]
    public async Task OldestAsync_AllSources_PagesInStartOrderWithLimitAndCursor()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var catalog = fresh.CreateCatalog();
        await catalog.MigrateAsync(None);
        var a = Run("a-cam", T0, 5);
        var b = Run("b-cam", T0.AddSeconds(30), 5);
        a[1] = a[1] with { State = CatalogSegmentState.Garbage };
        await catalog.ApplyAsync(Upserts([.. b, .. a]), null, None);
        var expected = a.Concat(b).Where(s => s.State == CatalogSegmentState.Recorded).OrderBy(s => s.Start).Select(s => s.Path).ToList();

        var pages = new List<IReadOnlyList<CatalogSegment>>();
        CatalogSegment? after = null;
        do
        {
            pages.Add(await catalog.OldestAsync(null, null, after, 4, None));
            after = pages[^1].Count > 0 ? pages[^1][^1] : null;
        }
        while (pages[^1].Count == 4);

        pages.Select(p => p.Count).Should().Equal(4, 4, 1);
        pages.SelectMany(p => p).Select(s => s.Path).Should().Equal(expected);
        (await catalog.OldestAsync(null, null, 4, None)).Should().Equal(pages[0], "the overload without a cursor is the first page");
    }

    [Fact]
    public async Task OldestAsync_OneSourceEndingBefore_KeepsWhollyOlderSegmentsOnly()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var run = Run(source, T0, 10);
        await catalog.ApplyAsync(Upserts([.. run, .. Run(source, T0, 10, "sub"), .. Run(NewSource(), T0.AddDays(-1), 3)]), null, None);

        var expired = await catalog.OldestAsync(source, T0.AddMinutes(3), 100, None);

        expired.Select(s => (s.Stream, s.Start)).Should().Equal(
            ("main", T0), ("sub", T0), ("main", T0.AddMinutes(1)), ("sub", T0.AddMinutes(1)), ("main", T0.AddMinutes(2)), ("sub", T0.AddMinutes(2)));
        (await catalog.OldestAsync(source, T0.AddMinutes(3).AddTicks(-10), 100, None)).Should().HaveCount(4, "a segment ending after the bound is not expired");
        (await catalog.OldestAsync(source, T0.AddMinutes(3), 2, None)).Should().Equal(expired.Take(2));
    }

    [Fact]
    public async Task OldestAsync_CursorRowRemovedMeanwhile_StillContinuesAfterIt()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var run = Run(source, T0, 6);
        await catalog.ApplyAsync(Upserts(run), null, None);
        var page = await catalog.OldestAsync(source, null, 2, None);

        // Retention deletes the first page, then asks for the next one.
        await catalog.ApplyAsync([new CatalogChange.Remove(page[0].Path), new CatalogChange.Remove(page[1].Path)], null, None);
        var next = await catalog.OldestAsync(source, null, page[^1], 2, None);

        next.Select(s => s.Path).Should().Equal(run[2].Path, run[3].Path);
    }

    [Fact]
    public async Task InStateAsync_Garbage_PagesOldestFirstOverEverySourceAndOnlyThatState()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var catalog = fresh.CreateCatalog();
        await catalog.MigrateAsync(None);
        var a = Run("a-cam", T0, 4);
        var b = Run("b-cam", T0.AddSeconds(30), 4);
        a[0] = a[0] with { State = CatalogSegmentState.Garbage };
        a[2] = a[2] with { State = CatalogSegmentState.Garbage };
        b[1] = b[1] with { State = CatalogSegmentState.Garbage };
        b[3] = b[3] with { State = CatalogSegmentState.Lost };
        await catalog.ApplyAsync(Upserts([.. b, .. a]), null, None);

        var first = await catalog.InStateAsync(CatalogSegmentState.Garbage, null, 2, None);
        var second = await catalog.InStateAsync(CatalogSegmentState.Garbage, first[^1], 2, None);

        first.Select(s => s.Path).Should().Equal(a[0].Path, b[1].Path);
        second.Select(s => s.Path).Should().Equal(a[2].Path);
        second.Single().State.Should().Be(CatalogSegmentState.Garbage);
        (await catalog.InStateAsync(CatalogSegmentState.Lost, null, 10, None)).Select(s => s.Path).Should().Equal(b[3].Path);
        await catalog.Invoking(c => c.InStateAsync((CatalogSegmentState)7, null, 10, None)).Should().ThrowAsync<ArgumentException>().WithParameterName("state");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_001)]
    public async Task LatestAndOldest_OutOfRangePageSize_ThrowNamingIt(int size)
    {
        await using var catalog = Store.CreateCatalog();

        await catalog.Invoking(c => c.LatestAsync("cam", "main", size, None)).Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("count");
        await catalog.Invoking(c => c.OldestAsync(null, null, size, None)).Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("limit");
    }
}
