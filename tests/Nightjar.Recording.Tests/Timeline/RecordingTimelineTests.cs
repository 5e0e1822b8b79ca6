using Nightjar.Recording.Timeline;

namespace Nightjar.Recording.Tests.Timeline;

public sealed class RecordingTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange Hour = Range(0, 3_600);

    [Fact]
    public void Compute_NoSegments_IsOneGap()
    {
        var result = RecordingTimeline.Compute([], Hour);

        result.Recorded.Should().BeEmpty();
        result.Gaps.Should().Equal(Hour);
        result.MissingDuration.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Compute_SegmentsWithJitter_MergeIntoOneRange()
    {
        var segments = Enumerable.Range(0, 60).Select(i => Range((i * 60) + 0.05, (i + 1) * 60)).ToList();

        var result = RecordingTimeline.Compute(segments, Hour);

        result.Recorded.Should().Equal(Hour);
        result.Gaps.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1.999, false)]
    [InlineData(2.0, true)]
    [InlineData(30, true)]
    public void Compute_HoleOfTheTolerance_IsAGap(double holeSeconds, bool isGap)
    {
        var result = RecordingTimeline.Compute([Range(0, 600), Range(600 + holeSeconds, 3_600)], Hour, TimeSpan.FromSeconds(2));

        if (isGap)
        {
            result.Recorded.Should().Equal(Range(0, 600), Range(600 + holeSeconds, 3_600));
            result.Gaps.Should().Equal(Range(600, 600 + holeSeconds));
        }
        else
        {
            result.Recorded.Should().Equal(Hour);
            result.Gaps.Should().BeEmpty();
        }
    }

    [Fact]
    public void Compute_ZeroTolerance_MergesOnlyTouchingAndOverlapping()
    {
        var result = RecordingTimeline.Compute([Range(0, 10), Range(10, 20), Range(15, 30), Range(30.001, 40)], Range(0, 40), TimeSpan.Zero);

        result.Recorded.Should().Equal(Range(0, 30), Range(30.001, 40));
        result.Gaps.Should().Equal(Range(30, 30.001));
    }

    [Fact]
    public void Compute_UnsortedOverlappingContainedAndDuplicate_Segments()
    {
        var result = RecordingTimeline.Compute([Range(100, 200), Range(0, 50), Range(120, 130), Range(100, 200), Range(40, 60)], Range(0, 300));

        result.Recorded.Should().Equal(Range(0, 60), Range(100, 200));
        result.Gaps.Should().Equal(Range(60, 100), Range(200, 300));
    }

    [Fact]
    public void Compute_ClipsToTheWindowAndIgnoresOutsideAndEmptySegments()
    {
        var window = Range(100, 200);

        var result = RecordingTimeline.Compute([Range(0, 50), Range(90, 120), Range(150, 150), Range(180, 500), Range(900, 1_000)], window);

        result.Recorded.Should().Equal(Range(100, 120), Range(180, 200));
        result.Gaps.Should().Equal(Range(120, 180));
    }

    [Fact]
    public void Compute_HolesAtTheWindowEdges_AreBridgedOnlyBelowTheTolerance()
    {
        RecordingTimeline.Compute([Range(1, 3_599)], Hour).Recorded.Should().Equal(Hour);

        var result = RecordingTimeline.Compute([Range(3, 3_590)], Hour);
        result.Recorded.Should().Equal(Range(3, 3_590));
        result.Gaps.Should().Equal(Range(0, 3), Range(3_590, 3_600));
    }

    [Fact]
    public void Compute_EmptyWindow_HasNothing()
    {
        var result = RecordingTimeline.Compute([Range(0, 10)], Range(5, 5));

        result.Recorded.Should().BeEmpty();
        result.Gaps.Should().BeEmpty();
    }

    [Fact]
    public void Compute_NegativeTolerance_Throws() =>
        FluentActions.Invoking(() => RecordingTimeline.Compute([], Hour, TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Compute_RandomSegments_PartitionTheWindowExactly()
    {
        // Plain checks in the loop, one assertion at the end: assertion objects per item would dominate the run time.
        var random = new Random(14);
        var violations = new List<string>();
        for (var round = 0; round < 500; round++)
        {
            var window = Range(random.Next(0, 100), random.Next(100, 5_000));
            var tolerance = TimeSpan.FromMilliseconds(random.Next(0, 5_000));
            var segments = Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
            {
                var start = (random.NextDouble() * 5_200) - 100;
                return Range(start, start + (random.NextDouble() * 300));
            }).ToList();

            var result = RecordingTimeline.Compute(segments, window, tolerance);

            var recorded = result.Recorded.ToHashSet();
            var all = result.Recorded.Concat(result.Gaps).OrderBy(r => r.Start).ToList();
            var cursor = window.Start;
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i].IsEmpty || all[i].Start != cursor)
                {
                    violations.Add($"round {round}: {all[i]} does not continue at {cursor:O}");
                }

                if (i > 0 && recorded.Contains(all[i]) == recorded.Contains(all[i - 1]))
                {
                    violations.Add($"round {round}: {all[i]} does not alternate");
                }

                cursor = all[i].End;
            }

            if (window.Duration > TimeSpan.Zero && cursor != window.End)
            {
                violations.Add($"round {round}: the ranges stop at {cursor:O}, not at the window's end");
            }

            violations.AddRange(result.Gaps.Where(g => g.Duration < tolerance && g != window).Select(g => $"round {round}: gap {g} is below the tolerance"));
            foreach (var segment in segments.Where(s => s.End > window.Start && s.Start < window.End && !s.IsEmpty))
            {
                var start = segment.Start > window.Start ? segment.Start : window.Start;
                var end = segment.End < window.End ? segment.End : window.End;
                if (!result.Recorded.Any(r => r.Start <= start && r.End >= end))
                {
                    violations.Add($"round {round}: segment {segment} is not covered");
                }
            }
        }

        violations.Should().BeEmpty();
    }

    [Fact]
    public void TimeRange_EndBeforeStart_Throws()
    {
        FluentActions.Invoking(() => new TimeRange(T0, T0.AddTicks(-1))).Should().Throw<ArgumentException>();
        TimeRange.FromUnixSeconds(1_763_726_400, 60).Should().Be(new TimeRange(DateTimeOffset.FromUnixTimeSeconds(1_763_726_400), DateTimeOffset.FromUnixTimeSeconds(1_763_726_460)));
    }

    private static TimeRange Range(double fromSeconds, double toSeconds) =>
        new(T0.AddTicks((long)Math.Round(fromSeconds * TimeSpan.TicksPerSecond)), T0.AddTicks((long)Math.Round(toSeconds * TimeSpan.TicksPerSecond)));
}
