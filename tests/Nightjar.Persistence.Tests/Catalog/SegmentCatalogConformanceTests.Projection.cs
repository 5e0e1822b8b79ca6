using System.Data.Common;
using Nightjar.Persistence.Catalog;
using Nightjar.Persistence.Tests.Fixtures;
using static Nightjar.Persistence.Tests.Catalog.TestSegments;

namespace Nightjar.Persistence.Tests.Catalog;

public abstract partial class SegmentCatalogConformanceTests
{
    [Fact]
    public async Task GetProjectionOffsetAsync_NothingStored_IsStart()
    {
        await using var catalog = Store.CreateCatalog();

        (await catalog.GetProjectionOffsetAsync($"p-{Guid.NewGuid():N}", None)).Should().Be(JournalOffset.Start);
    }

    [Fact]
    public async Task ApplyAsync_WithCheckpoint_StoresChangesAndOffsetTogether()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var projection = $"p-{source}";
        var run = Run(source, T0, 2);

        await catalog.ApplyAsync(Upserts(run), new ProjectionCheckpoint(projection, new JournalOffset(3, 10)), None);
        await catalog.ApplyAsync([], new ProjectionCheckpoint(projection, new JournalOffset(3, 12)), None);

        (await catalog.GetProjectionOffsetAsync(projection, None)).Should().Be(new JournalOffset(3, 12), "a batch without changes still advances its projection");
        (await catalog.FindAsync(source, "main", T0, T0.AddHours(1), includeLost: false, None)).Should().HaveCount(2);
        (await catalog.GetProjectionOffsetAsync($"{projection}-other", None)).Should().Be(JournalOffset.Start, "projections keep separate offsets");
    }

    [Fact]
    public async Task ApplyAsync_InvalidChangeInTheBatch_StoresNeitherChangesNorOffset()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var projection = $"p-{source}";
        await catalog.ApplyAsync([], new ProjectionCheckpoint(projection, new JournalOffset(0, 5)), None);
        var good = Make(source, T0, TimeSpan.FromMinutes(1));
        var bad = Make(source, T0.AddMinutes(1), TimeSpan.FromMinutes(1)) with { End = T0 };

        var apply = () => catalog.ApplyAsync([new CatalogChange.Upsert(good), new CatalogChange.Remove($"{source}/x.ts"), new CatalogChange.Upsert(bad)], new ProjectionCheckpoint(projection, new JournalOffset(0, 9)), None);

        await apply.Should().ThrowAsync<ArgumentException>().WithMessage("*changes[2]*ends*before it starts*");
        (await catalog.GetByPathAsync(good.Path, None)).Should().BeNull();
        (await catalog.GetProjectionOffsetAsync(projection, None)).Should().Be(new JournalOffset(0, 5));
    }

    [Fact]
    public async Task ApplyAsync_DatabaseRefusesAChangeMidBatch_RollsBackChangesAndOffset()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await fresh.MigrateAllAsync();
        await InstallFailingTriggerAsync(fresh, "boom");
        await using var catalog = fresh.CreateCatalog();
        var source = NewSource();
        var before = Make(source, T0, TimeSpan.FromMinutes(1));
        await catalog.ApplyAsync([new CatalogChange.Upsert(before)], new ProjectionCheckpoint("segments", new JournalOffset(1, 1)), None);
        var first = Make(source, T0.AddMinutes(1), TimeSpan.FromMinutes(1));
        var refused = Make(source, T0.AddMinutes(2), TimeSpan.FromMinutes(1), path: $"{source}/boom.ts");

        var apply = () => catalog.ApplyAsync(
            [new CatalogChange.Upsert(first), new CatalogChange.SetState(before.Path, CatalogSegmentState.Garbage), new CatalogChange.Upsert(refused)],
            new ProjectionCheckpoint("segments", new JournalOffset(1, 2)),
            None);

        await apply.Should().ThrowAsync<DbException>();
        (await catalog.GetProjectionOffsetAsync("segments", None)).Should().Be(new JournalOffset(1, 1));
        (await catalog.GetByPathAsync(first.Path, None)).Should().BeNull();
        (await catalog.GetByPathAsync(before.Path, None))!.State.Should().Be(CatalogSegmentState.Recorded);
        await catalog.ApplyAsync([new CatalogChange.Upsert(first)], new ProjectionCheckpoint("segments", new JournalOffset(1, 2)), None);
        (await catalog.GetProjectionOffsetAsync("segments", None)).Should().Be(new JournalOffset(1, 2), "the catalog is usable after a failed apply");
    }

    [Fact]
    public async Task ApplyAsync_OlderCheckpoint_KeepsTheOffsetAndSkipsItsChanges()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var projection = $"p-{source}";
        var segment = Make(source, T0, TimeSpan.FromMinutes(1));
        // A newer writer has recorded and then removed the segment...
        await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], new ProjectionCheckpoint(projection, new JournalOffset(5, 10)), None);
        await catalog.ApplyAsync([new CatalogChange.Remove(segment.Path)], new ProjectionCheckpoint(projection, new JournalOffset(5, 11)), None);

        // ...when a stale writer replays the old upsert; (4, 99) is older than (5, 11): transactions order first.
        await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], new ProjectionCheckpoint(projection, new JournalOffset(4, 99)), None);

        (await catalog.GetProjectionOffsetAsync(projection, None)).Should().Be(new JournalOffset(5, 11));
        (await catalog.GetByPathAsync(segment.Path, None)).Should().BeNull("re-applying an older batch would resurrect a removed segment");
    }

    [Fact]
    public async Task ApplyAsync_SameCheckpointAgain_AppliesHarmlessly()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var projection = $"p-{source}";
        var segment = Make(source, T0, TimeSpan.FromMinutes(1));
        await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], new ProjectionCheckpoint(projection, new JournalOffset(0, 3)), None);

        await catalog.ApplyAsync([new CatalogChange.SetState(segment.Path, CatalogSegmentState.Lost)], new ProjectionCheckpoint(projection, new JournalOffset(0, 3)), None);

        (await catalog.GetByPathAsync(segment.Path, None))!.State.Should().Be(CatalogSegmentState.Lost);
        (await catalog.GetProjectionOffsetAsync(projection, None)).Should().Be(new JournalOffset(0, 3));
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentWritersOfOneProjection_OffsetEndsAtTheHighest()
    {
        await using var catalogA = Store.CreateCatalog();
        await using var catalogB = Store.CreateCatalog();
        var source = NewSource();
        var projection = $"p-{source}";
        var orderings = Enumerable.Range(1, 40).OrderBy(i => (i * 7919) % 41).ToList();

        await Task.WhenAll(orderings.Select(async (ordering, i) =>
        {
            var segment = Make(source, T0.AddMinutes(ordering), TimeSpan.FromMinutes(1));
            await (i % 2 == 0 ? catalogA : catalogB).ApplyAsync([new CatalogChange.Upsert(segment)], new ProjectionCheckpoint(projection, new JournalOffset(0, ordering)), None);
        }));

        (await catalogA.GetProjectionOffsetAsync(projection, None)).Should().Be(new JournalOffset(0, 40));
        var stored = await catalogA.FindAsync(source, "main", T0, T0.AddHours(1), includeLost: false, None);
        stored.Select(s => s.Start).Should().Contain(T0.AddMinutes(40), "the highest checkpoint's change is always applied");
    }

    [Fact]
    public async Task ApplyAsync_BadCheckpoint_ThrowsAndStoresNothing()
    {
        await using var catalog = Store.CreateCatalog();
        var segment = Make(NewSource(), T0, TimeSpan.FromMinutes(1));

        await catalog.Invoking(c => c.ApplyAsync([new CatalogChange.Upsert(segment)], new ProjectionCheckpoint("", new JournalOffset(0, 1)), None))
            .Should().ThrowAsync<ArgumentException>().WithParameterName("projection");
        await catalog.Invoking(c => c.ApplyAsync([new CatalogChange.Upsert(segment)], new ProjectionCheckpoint("p\0", new JournalOffset(0, 1)), None))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*NUL*");
        await catalog.Invoking(c => c.ApplyAsync([new CatalogChange.Upsert(segment)], new ProjectionCheckpoint("p", new JournalOffset(0, -1)), None))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*negative offset*");
        (await catalog.GetByPathAsync(segment.Path, None)).Should().BeNull();
    }
}
