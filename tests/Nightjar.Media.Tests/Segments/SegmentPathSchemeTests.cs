using Nightjar.Media.Segments;

namespace Nightjar.Media.Tests.Segments;

public sealed class SegmentPathSchemeTests
{
    private static readonly DateTimeOffset RunStart = new(2026, 11, 21, 23, 59, 58, 123, TimeSpan.Zero);

    [Fact]
    public void RunDirectory_UsesTheUtcDayOfTheRunStart()
    {
        var local = RunStart.ToOffset(TimeSpan.FromHours(3)); // already the 22nd in that zone

        SegmentPathScheme.RunDirectory("lobby", "main", local, "r1").Should().Be("lobby/main/2026/11/21/r1");
    }

    [Fact]
    public void SegmentPath_MatchesFfmpegsStrftimeSecondsName()
    {
        var start = RunStart.AddSeconds(5);

        SegmentPathScheme.SegmentPath("lobby/main/2026/11/21/r1", start)
            .Should().Be($"lobby/main/2026/11/21/r1/{start.ToUnixTimeSeconds()}.ts");
        SegmentPathScheme.FfmpegFilePattern.Should().Be("%s.ts");
    }

    [Fact]
    public void NewRunId_IsThirteenDigitUnixMilliseconds()
    {
        SegmentPathScheme.NewRunId(RunStart).Should().Be(RunStart.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.HaveLength(13);
        SegmentPathScheme.NewRunId(DateTimeOffset.FromUnixTimeMilliseconds(5)).Should().Be("0000000000005");
    }

    [Fact]
    public void TryParse_PathFromTheScheme_RoundTrips()
    {
        var run = SegmentPathScheme.NewRunId(RunStart);
        var path = SegmentPathScheme.SegmentPath(SegmentPathScheme.RunDirectory("lobby", "sub", RunStart, run), RunStart.AddMinutes(3));

        SegmentPathScheme.TryParse(path, out var parts).Should().BeTrue();

        parts.Should().Be(new SegmentPathParts("lobby", "sub", new DateOnly(2026, 11, 21), run, DateTimeOffset.FromUnixTimeSeconds(RunStart.AddMinutes(3).ToUnixTimeSeconds())));
    }

    [Theory]
    [InlineData("lobby/main/2026/11/21/r1/123.mp4")]
    [InlineData("lobby/main/2026/13/21/r1/123.ts")]
    [InlineData("lobby/main/2026/02/30/r1/123.ts")]
    [InlineData("lobby/main/2026/11/21/../123.ts")]
    [InlineData("../main/2026/11/21/r1/123.ts")]
    [InlineData("lobby/main/2026/11/21/r1/segments.csv")]
    [InlineData("lobby/main/2026/11/21/r1/999999999999.ts")]
    [InlineData("")]
    public void TryParse_OtherPaths_AreRejected(string path)
    {
        SegmentPathScheme.TryParse(path, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData("caméra")]
    public void RunDirectory_InvalidNames_Throw(string name)
    {
        var act = () => SegmentPathScheme.RunDirectory(name, "main", RunStart, "r1");

        act.Should().Throw<ArgumentException>();
    }
}
