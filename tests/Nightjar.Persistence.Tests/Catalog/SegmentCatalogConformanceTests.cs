using Nightjar.Persistence.Catalog;
using Nightjar.Persistence.Tests.Fixtures;
using static Nightjar.Persistence.Tests.Catalog.TestSegments;

namespace Nightjar.Persistence.Tests.Catalog;

/// <summary>
/// The behaviour every catalog backend must have. Runs unchanged against PostgreSQL and SQLite
/// (<see cref="PostgresSegmentCatalogTests"/>, <see cref="SqliteSegmentCatalogTests"/>); a backend only supplies its stores.
/// Tests share the class's store and use fresh sources, so they do not see each other's rows.
/// </summary>
public abstract partial class SegmentCatalogConformanceTests(JournalTestStore store)
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected JournalTestStore Store { get; } = store;

    /// <summary>A new, empty, unmigrated store.</summary>
    protected abstract Task<JournalTestStore> CreateFreshStoreAsync();

    /// <summary>Makes the database itself refuse to insert a segment whose path contains <paramref name="marker"/> (a trigger).</summary>
    protected abstract Task InstallFailingTriggerAsync(JournalTestStore store, string marker);

    [Fact]
    public async Task ApplyAsync_Upsert_StoresTheSegmentWithAnAssignedId()
    {
        await using var catalog = Store.CreateCatalog();
        var segment = Make(NewSource(), T0, TimeSpan.FromSeconds(60));

        await catalog.ApplyAsync([new CatalogChange.Upsert(segment with { Id = 999_999 })], null, None);

        var stored = await catalog.GetByPathAsync(segment.Path, None);
        stored.Should().NotBeNull();
        stored!.WithoutId().Should().Be(segment);
        stored!.Id.Should().BePositive().And.NotBe(999_999, "the id of the change is ignored");
        stored.Start.Offset.Should().Be(TimeSpan.Zero);
        (await catalog.GetAsync(stored.Id, None)).Should().Be(stored);
    }

    [Fact]
    public async Task ApplyAsync_SameUpsertTwice_KeepsOneRowAndItsId()
    {
        await using var catalog = Store.CreateCatalog();
        var segment = Make(NewSource(), T0, TimeSpan.FromSeconds(60));

        await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], null, None);
        var first = await catalog.GetByPathAsync(segment.Path, None);
        await catalog.ApplyAsync([new CatalogChange.Upsert(segment), new CatalogChange.Upsert(segment)], null, None);

        (await catalog.GetByPathAsync(segment.Path, None)).Should().Be(first);
        (await catalog.FindAsync(segment.Source, "main", T0.AddHours(-1), T0.AddHours(1), includeLost: true, None)).Should().ContainSingle();
    }

    [Fact]
    public async Task ApplyAsync_UpsertOfAnExistingPath_UpdatesEveryFieldButTheId()
    {
        await using var catalog = Store.CreateCatalog();
        var segment = Make(NewSource(), T0, TimeSpan.FromSeconds(30), bytes: 10);
        await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], null, None);
        var id = (await catalog.GetByPathAsync(segment.Path, None))!.Id;
        var closed = segment with
        {
            RunId = "01JRUN0000000000000000001",
            StorageRoot = "root1",
            Start = T0.AddMilliseconds(5),
            End = T0.AddSeconds(61),
            Bytes = 7_654_321,
            GopIndex = "ZmluYWw",
            State = CatalogSegmentState.Lost,
        };

        await catalog.ApplyAsync([new CatalogChange.Upsert(closed)], null, None);

        (await catalog.GetAsync(id, None)).Should().Be(closed with { Id = id });
    }

    [Fact]
    public async Task ApplyAsync_SetStateAndRemove_ChangeOnlyTheirRows()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var run = Run(source, T0, 3);
        await catalog.ApplyAsync(Upserts(run), null, None);

        await catalog.ApplyAsync([new CatalogChange.SetState(run[0].Path, CatalogSegmentState.Garbage), new CatalogChange.Remove(run[1].Path)], null, None);

        (await catalog.GetByPathAsync(run[0].Path, None))!.State.Should().Be(CatalogSegmentState.Garbage);
        (await catalog.GetByPathAsync(run[1].Path, None)).Should().BeNull();
        (await catalog.GetByPathAsync(run[2].Path, None))!.WithoutId().Should().Be(run[2]);
    }

    [Fact]
    public async Task ApplyAsync_SetStateOrRemoveOfAMissingRow_IsHarmless()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var kept = Make(source, T0, TimeSpan.FromMinutes(1));
        await catalog.ApplyAsync([new CatalogChange.Upsert(kept)], null, None);

        var replay = () => catalog.ApplyAsync(
            [new CatalogChange.SetState($"{source}/missing.ts", CatalogSegmentState.Lost), new CatalogChange.Remove($"{source}/missing.ts"), new CatalogChange.Remove($"{source}/missing.ts")],
            new ProjectionCheckpoint($"p-{source}", new JournalOffset(0, 7)),
            None);

        await replay.Should().NotThrowAsync();
        (await catalog.GetByPathAsync($"{source}/missing.ts", None)).Should().BeNull();
        (await catalog.GetByPathAsync(kept.Path, None))!.WithoutId().Should().Be(kept);
        (await catalog.GetProjectionOffsetAsync($"p-{source}", None)).Should().Be(new JournalOffset(0, 7));
    }

    [Fact]
    public async Task ApplyAsync_ChangesInOneBatch_RunInOrder()
    {
        await using var catalog = Store.CreateCatalog();
        var segment = Make(NewSource(), T0, TimeSpan.FromMinutes(1));

        await catalog.ApplyAsync(
            [
                new CatalogChange.Upsert(segment),
                new CatalogChange.SetState(segment.Path, CatalogSegmentState.Garbage),
                new CatalogChange.Remove(segment.Path),
                new CatalogChange.Upsert(segment with { Bytes = 42 }),
                new CatalogChange.SetState(segment.Path, CatalogSegmentState.Lost),
            ],
            null,
            None);

        (await catalog.GetByPathAsync(segment.Path, None))!.WithoutId().Should().Be(segment with { Bytes = 42, State = CatalogSegmentState.Lost });
    }

    [Fact]
    public async Task ApplyAsync_RemovedThenRecreated_GetsANewIdNeverAReusedOne()
    {
        await using var catalog = Store.CreateCatalog();
        var segment = Make(NewSource(), T0, TimeSpan.FromMinutes(1));
        await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], null, None);
        var first = (await catalog.GetByPathAsync(segment.Path, None))!.Id;

        await catalog.ApplyAsync([new CatalogChange.Remove(segment.Path)], null, None);
        await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], null, None);

        (await catalog.GetByPathAsync(segment.Path, None))!.Id.Should().BeGreaterThan(first, "ids are in chunk URLs: an old URL must not name a new file");
        (await catalog.GetAsync(first, None)).Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_UnknownIdOrPath_ReturnsNull()
    {
        await using var catalog = Store.CreateCatalog();

        (await catalog.GetAsync(long.MaxValue, None)).Should().BeNull();
        (await catalog.GetAsync(-1, None)).Should().BeNull();
        (await catalog.GetByPathAsync($"{NewSource()}/nothing.ts", None)).Should().BeNull();
    }

    [Fact]
    public async Task ApplyAsync_LargeGopIndexAndUnicodeNames_RoundTrip()
    {
        await using var catalog = Store.CreateCatalog();
        var gops = string.Concat(Enumerable.Repeat("AbC-_0123456789", 20_000));
        var segment = Make(NewSource() + "-камера-東京", T0, TimeSpan.FromMinutes(1)) with { GopIndex = gops, Stream = "главный" };

        await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], null, None);

        (await catalog.GetByPathAsync(segment.Path, None))!.WithoutId().Should().Be(segment);
    }

    [Fact]
    public async Task AfterDispose_CallsThrowObjectDisposed()
    {
        var catalog = Store.CreateCatalog();
        await catalog.DisposeAsync();
        await catalog.DisposeAsync();

        await catalog.Invoking(c => c.ApplyAsync([new CatalogChange.Remove("a/b.ts")], null, None)).Should().ThrowAsync<ObjectDisposedException>();
        await catalog.Invoking(c => c.GetAsync(1, None)).Should().ThrowAsync<ObjectDisposedException>();
    }
}
