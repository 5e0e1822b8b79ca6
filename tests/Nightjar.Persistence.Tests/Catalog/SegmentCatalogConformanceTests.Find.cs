using Nightjar.Persistence.Catalog;
using static Nightjar.Persistence.Tests.Catalog.TestSegments;

namespace Nightjar.Persistence.Tests.Catalog;

public abstract partial class SegmentCatalogConformanceTests
{
    [Fact]
    public async Task FindAsync_Window_ReturnsOverlappingSegmentsOrderedByStart()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var run = Run(source, T0, 10);
        // Written out of order: the answer is ordered by start, not by insertion.
        await catalog.ApplyAsync(Upserts(run.Reverse()), null, None);

        var found = await catalog.FindAsync(source, "main", T0.AddMinutes(2).AddSeconds(30), T0.AddMinutes(5).AddSeconds(30), includeLost: false, None);

        found.Select(s => s.Path).Should().Equal(run[2..6].Select(s => s.Path), "minute 2 straddles from, minute 5 straddles to");
    }

    [Fact]
    public async Task FindAsync_SegmentStraddlingFromOrTo_IsFound()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var straddlesFrom = Make(source, T0.AddSeconds(-59), TimeSpan.FromMinutes(1));
        var straddlesTo = Make(source, T0.AddMinutes(10).AddSeconds(-1), TimeSpan.FromMinutes(1));
        await catalog.ApplyAsync([new CatalogChange.Upsert(straddlesFrom), new CatalogChange.Upsert(straddlesTo)], null, None);

        var found = await catalog.FindAsync(source, "main", T0, T0.AddMinutes(10), includeLost: false, None);

        found.Select(s => s.WithoutId()).Should().Equal(straddlesFrom, straddlesTo);
    }

    [Fact]
    public async Task FindAsync_SegmentsExactlyAdjacentToTheWindow_AreNotFound()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var endsAtFrom = Make(source, T0.AddMinutes(-1), TimeSpan.FromMinutes(1));
        var inside = Make(source, T0, TimeSpan.FromMinutes(1));
        var startsAtTo = Make(source, T0.AddMinutes(1), TimeSpan.FromMinutes(1));
        await catalog.ApplyAsync(Upserts([endsAtFrom, inside, startsAtTo]), null, None);

        var found = await catalog.FindAsync(source, "main", T0, T0.AddMinutes(1), includeLost: false, None);

        found.Select(s => s.Path).Should().Equal([inside.Path], "windows are half-open [from, to)");
        (await catalog.FindAsync(source, "main", T0.AddTicks(-10), T0.AddMinutes(1).AddTicks(10), includeLost: false, None))
            .Should().HaveCount(3, "one microsecond more on each side reaches both neighbours");
    }

    [Fact]
    public async Task FindAsync_LongestAllowedSegmentStraddlingFrom_IsFoundAndALongerOneIsRejected()
    {
        var options = new SegmentCatalogOptions { MaxSegmentDuration = TimeSpan.FromMinutes(5) };
        await using var catalog = Store.CreateCatalog(options);
        var source = NewSource();
        // Starts as early as the lookback allows and still reaches one millisecond into the window.
        var longest = Make(source, T0.AddMinutes(-5).AddMilliseconds(1), TimeSpan.FromMinutes(5));
        await catalog.ApplyAsync([new CatalogChange.Upsert(longest)], null, None);

        (await catalog.FindAsync(source, "main", T0, T0.AddMinutes(1), includeLost: false, None)).Select(s => s.Path).Should().Equal(longest.Path);

        var tooLong = Make(source, T0.AddHours(1), TimeSpan.FromMinutes(5).Add(TimeSpan.FromMilliseconds(1)));
        await catalog.Invoking(c => c.ApplyAsync([new CatalogChange.Upsert(tooLong)], null, None))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*MaxSegmentDuration*");
        (await catalog.GetByPathAsync(tooLong.Path, None)).Should().BeNull();
    }

    [Fact]
    public async Task FindAsync_LostAndGarbage_ExcludedUnlessIncludeLost()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var recorded = Make(source, T0, TimeSpan.FromMinutes(1));
        var lost = Make(source, T0.AddMinutes(1), TimeSpan.FromMinutes(1), state: CatalogSegmentState.Lost);
        var garbage = Make(source, T0.AddMinutes(2), TimeSpan.FromMinutes(1), state: CatalogSegmentState.Garbage);
        await catalog.ApplyAsync(Upserts([recorded, lost, garbage]), null, None);

        (await catalog.FindAsync(source, "main", T0, T0.AddHours(1), includeLost: false, None)).Select(s => s.Path).Should().Equal(recorded.Path);
        (await catalog.FindAsync(source, "main", T0, T0.AddHours(1), includeLost: true, None)).Select(s => s.State)
            .Should().Equal(CatalogSegmentState.Recorded, CatalogSegmentState.Lost, CatalogSegmentState.Garbage);
    }

    [Fact]
    public async Task FindAsync_OtherStreamsAndSources_AreNotReturned()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var other = NewSource();
        await catalog.ApplyAsync(Upserts([.. Run(source, T0, 3), .. Run(source, T0, 3, "sub"), .. Run(other, T0, 3)]), null, None);

        var main = await catalog.FindAsync(source, "main", T0, T0.AddHours(1), includeLost: true, None);
        var sub = await catalog.FindAsync(source, "sub", T0, T0.AddHours(1), includeLost: true, None);

        main.Should().HaveCount(3).And.OnlyContain(s => s.Source == source && s.Stream == "main");
        sub.Should().HaveCount(3).And.OnlyContain(s => s.Source == source && s.Stream == "sub");
    }

    [Fact]
    public async Task FindAsync_ZeroLengthSegment_IsFoundWhenItsInstantIsInTheWindow()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var instant = Make(source, T0, TimeSpan.Zero);
        await catalog.ApplyAsync([new CatalogChange.Upsert(instant)], null, None);

        (await catalog.FindAsync(source, "main", T0, T0.AddSeconds(1), includeLost: false, None)).Should().ContainSingle();
        (await catalog.FindAsync(source, "main", T0.AddSeconds(-1), T0, includeLost: false, None)).Should().BeEmpty();
    }

    [Fact]
    public async Task FindAsync_EmptyOrInvertedWindow_EmptyOrClearError()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        await catalog.ApplyAsync(Upserts(Run(source, T0, 2)), null, None);

        (await catalog.FindAsync(source, "main", T0.AddSeconds(30), T0.AddSeconds(30), includeLost: true, None)).Should().BeEmpty();
        await catalog.Invoking(c => c.FindAsync(source, "main", T0.AddMinutes(1), T0, includeLost: false, None))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*ends*before it starts*");
    }

    [Fact]
    public async Task FindAsync_TimesInAnyOffset_MeanTheSameInstants()
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var paris = TimeSpan.FromHours(1);
        var segment = Make(source, T0.ToOffset(paris), TimeSpan.FromMinutes(1));
        await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], null, None);

        var found = await catalog.FindAsync(source, "main", T0.AddSeconds(10).ToOffset(TimeSpan.FromHours(-5)), T0.AddSeconds(20), includeLost: false, None);

        found.Should().ContainSingle().Which.Start.Should().Be(T0);
        found[0].Start.Offset.Should().Be(TimeSpan.Zero, "the catalog answers in UTC");
    }

    /// <summary>
    /// Property-style: random streams (gaps, overlaps, zero-length and longest-allowed segments, every state) and random
    /// windows (many on exact segment edges) give the same answer as a plain filter over the rows in memory.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(1234)]
    [InlineData(90210)]
    public async Task FindAsync_RandomWindows_MatchANaiveFilter(int seed)
    {
        var random = new Random(seed);
        var max = TimeSpan.FromMinutes(15);
        await using var catalog = Store.CreateCatalog(new SegmentCatalogOptions { MaxSegmentDuration = max });
        var source = NewSource();
        var segments = RandomStream(random, source, "main", 120, max).Concat(RandomStream(random, source, "sub", 20, max)).ToList();
        await catalog.ApplyAsync(Upserts(segments), null, None);
        var stored = new List<CatalogSegment>();
        foreach (var segment in segments)
        {
            stored.Add((await catalog.GetByPathAsync(segment.Path, None))!);
        }

        var edges = stored.SelectMany(s => new[] { s.Start, s.End }).ToArray();
        var first = stored.Min(s => s.Start) - TimeSpan.FromMinutes(20);
        var span = stored.Max(s => s.End) - first + TimeSpan.FromMinutes(20);
        for (var query = 0; query < 80; query++)
        {
            var from = random.Next(3) == 0 ? edges[random.Next(edges.Length)] : first + TimeSpan.FromMilliseconds(random.NextInt64((long)span.TotalMilliseconds));
            var to = random.Next(3) == 0 ? edges[random.Next(edges.Length)] : from + TimeSpan.FromMilliseconds(random.NextInt64(3 * 3600 * 1000));
            if (to < from)
            {
                (from, to) = (to, from);
            }

            var includeLost = random.Next(2) == 0;
            var expected = stored
                .Where(s => s.Stream == "main" && from < to && s.Start < to && (s.End > from || s.Start >= from))
                .Where(s => includeLost || s.State == CatalogSegmentState.Recorded)
                .OrderBy(s => s.Start).ThenBy(s => s.Id)
                .ToList();

            var found = await catalog.FindAsync(source, "main", from, to, includeLost, None);

            found.Should().Equal(expected, "seed {0}, query {1}: [{2:O}, {3:O}) includeLost={4}", seed, query, from, to, includeLost);
        }
    }

    private static IEnumerable<CatalogSegment> RandomStream(Random random, string source, string stream, int count, TimeSpan max)
    {
        var start = T0;
        for (var i = 0; i < count; i++)
        {
            var duration = random.Next(10) switch
            {
                0 => TimeSpan.Zero,
                1 => max,
                2 => TimeSpan.FromMilliseconds(random.Next(1, (int)max.TotalMilliseconds)),
                _ => TimeSpan.FromMilliseconds(60_000 + random.Next(-2_000, 2_000)),
            };
            var state = random.Next(6) switch
            {
                0 => CatalogSegmentState.Lost,
                1 => CatalogSegmentState.Garbage,
                _ => CatalogSegmentState.Recorded,
            };
            yield return Make(source, start, duration, stream, state, path: $"{source}/{stream}/{i:D5}.ts");
            // Mostly back to back; sometimes a gap, sometimes an overlap or a shared start.
            start += random.Next(8) switch
            {
                0 => duration + TimeSpan.FromMilliseconds(random.Next(1, 30 * 60_000)),
                1 => TimeSpan.FromMilliseconds(random.Next(0, 30_000)),
                _ => duration,
            };
        }
    }
}
