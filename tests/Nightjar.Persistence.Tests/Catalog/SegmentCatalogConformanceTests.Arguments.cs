using Nightjar.Persistence.Catalog;
using static Nightjar.Persistence.Tests.Catalog.TestSegments;

namespace Nightjar.Persistence.Tests.Catalog;

public abstract partial class SegmentCatalogConformanceTests
{
    public static TheoryData<string, Func<CatalogSegment, CatalogSegment>> BadSegments => new()
    {
        { "empty path", s => s with { Path = "" } },
        { "absolute path", s => s with { Path = "/etc/passwd" } },
        { "climbing path", s => s with { Path = "cam/../../etc/passwd" } },
        { "dot part", s => s with { Path = "cam/./a.ts" } },
        { "empty part", s => s with { Path = "cam//a.ts" } },
        { "backslash", s => s with { Path = "cam\\a.ts" } },
        { "NUL in path", s => s with { Path = "cam/a\0.ts" } },
        { "path too long", s => s with { Path = new string('p', 1025) } },
        { "empty source", s => s with { Source = " " } },
        { "NUL in source", s => s with { Source = "cam\0" } },
        { "source too long", s => s with { Source = new string('s', 257) } },
        { "empty stream", s => s with { Stream = "" } },
        { "empty run id", s => s with { RunId = "" } },
        { "empty storage root", s => s with { StorageRoot = "" } },
        { "ends before start", s => s with { End = s.Start.AddTicks(-10) } },
        { "longer than the maximum", s => s with { End = s.Start + SegmentCatalogOptions.DefaultMaxSegmentDuration + TimeSpan.FromTicks(10) } },
        { "negative size", s => s with { Bytes = -1 } },
        { "null GOP index", s => s with { GopIndex = null! } },
        { "NUL in GOP index", s => s with { GopIndex = "a\0b" } },
        { "unknown state", s => s with { State = (CatalogSegmentState)7 } },
    };

    [Theory]
    [MemberData(nameof(BadSegments))]
    public async Task ApplyAsync_BadSegment_ThrowsAClearErrorAndStoresNothingOfTheBatch(string because, Func<CatalogSegment, CatalogSegment> spoil)
    {
        await using var catalog = Store.CreateCatalog();
        var source = NewSource();
        var good = Make(source, T0, TimeSpan.FromMinutes(1));
        var bad = spoil(Make(source, T0.AddMinutes(1), TimeSpan.FromMinutes(1)));

        var apply = () => catalog.ApplyAsync([new CatalogChange.Upsert(good), new CatalogChange.Upsert(bad)], null, None);

        (await apply.Should().ThrowAsync<ArgumentException>(because)).Which.Message.Should().Contain("changes[1]").And.Contain("(Parameter 'changes')");
        (await catalog.GetByPathAsync(good.Path, None)).Should().BeNull();
    }

    [Fact]
    public async Task ApplyAsync_NullOrBadChanges_Throw()
    {
        await using var catalog = Store.CreateCatalog();

        await catalog.Invoking(c => c.ApplyAsync(null!, null, None)).Should().ThrowAsync<ArgumentNullException>();
        await catalog.Invoking(c => c.ApplyAsync([null!], null, None)).Should().ThrowAsync<ArgumentException>().WithMessage("changes[0] is null*");
        await catalog.Invoking(c => c.ApplyAsync([new CatalogChange.Upsert(null!)], null, None)).Should().ThrowAsync<ArgumentException>();
        await catalog.Invoking(c => c.ApplyAsync([new CatalogChange.SetState("a/b.ts", (CatalogSegmentState)(-1))], null, None)).Should().ThrowAsync<ArgumentException>();
        await catalog.Invoking(c => c.ApplyAsync([new CatalogChange.Remove("../b.ts")], null, None)).Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Queries_BadNamesOrPaths_ThrowClearErrors()
    {
        await using var catalog = Store.CreateCatalog();

        await catalog.Invoking(c => c.FindAsync("", "main", T0, T0.AddHours(1), false, None)).Should().ThrowAsync<ArgumentException>().WithParameterName("source");
        await catalog.Invoking(c => c.FindAsync("cam", "ma\0in", T0, T0.AddHours(1), false, None)).Should().ThrowAsync<ArgumentException>().WithParameterName("stream");
        await catalog.Invoking(c => c.GetByPathAsync("/abs.ts", None)).Should().ThrowAsync<ArgumentException>().WithParameterName("path");
        await catalog.Invoking(c => c.LatestAsync("cam", " ", 1, None)).Should().ThrowAsync<ArgumentException>().WithParameterName("stream");
        await catalog.Invoking(c => c.SummarizeAsync("", None)).Should().ThrowAsync<ArgumentException>().WithParameterName("source");
        await catalog.Invoking(c => c.OldestAsync("c\0", null, 1, None)).Should().ThrowAsync<ArgumentException>().WithParameterName("source");
        await catalog.Invoking(c => c.GetProjectionOffsetAsync("", None)).Should().ThrowAsync<ArgumentException>().WithParameterName("projection");
    }

    /// <summary>Fuzz-style: random mutations of names and paths either store exactly what was given or fail cleanly, never corrupt.</summary>
    [Fact]
    public async Task ApplyAsync_RandomNamesAndPaths_RoundTripOrFailCleanly()
    {
        await using var catalog = Store.CreateCatalog();
        var random = new Random(20261121);
        var alphabet = "ab/._-\\\0 \u00e9\u6771\ud83d\ude00'\";%".ToCharArray();
        var source = NewSource();
        for (var i = 0; i < 150; i++)
        {
            var tail = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var segment = Make(source + tail, T0.AddMinutes(i), TimeSpan.FromMinutes(1), path: $"{source}/{i}{tail}");
            try
            {
                await catalog.ApplyAsync([new CatalogChange.Upsert(segment)], null, None);
            }
            catch (ArgumentException)
            {
                continue;
            }

            (await catalog.GetByPathAsync(segment.Path, None))!.WithoutId().Should().Be(segment, "input {0} was accepted", i);
            (await catalog.FindAsync(segment.Source, "main", segment.Start, segment.End, false, None)).Should().ContainSingle();
        }
    }
}
