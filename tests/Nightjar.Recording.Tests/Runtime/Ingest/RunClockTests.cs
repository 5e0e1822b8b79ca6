using Nightjar.Recording.Runtime.Ingest;

namespace Nightjar.Recording.Tests.Runtime.Ingest;

public sealed class RunClockTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WallTime_AfterAnchor_IsTheAnchorPlusThePtsDistance()
    {
        var clock = new RunClock();
        var offset = clock.BeginFile(900_000);
        clock.AnchorAt(900_000 + offset, T0);

        clock.WallTime(900_000 + (90_000 * 5)).Should().Be(T0.AddSeconds(5));
        clock.WallTime(900_000 - 45_000).Should().Be(T0.AddSeconds(-0.5));
    }

    [Fact]
    public void WallTime_BeforeAnchor_Throws() =>
        new RunClock().Invoking(c => c.WallTime(0)).Should().Throw<InvalidOperationException>();

    [Fact]
    public void BeginFile_PtsWrappedBetweenFiles_KeepsOneContinuousScale()
    {
        const long wrap = 1L << 33;
        var clock = new RunClock();
        var first = clock.BeginFile(wrap - (90_000 * 30));
        clock.AnchorAt(wrap - (90_000 * 30) + first, T0);
        clock.Observe(wrap - 90_000);

        var second = clock.BeginFile(90_000 * 59); // the next file starts after the 33-bit clock wrapped

        second.Should().Be(wrap);
        clock.WallTime((90_000 * 59) + second).Should().Be(T0.AddSeconds(89));
        clock.BeginFile(90_000 * 120).Should().Be(wrap, "later files of the run stay on the same side of the wrap");
    }

    [Fact]
    public void Reanchor_DriftWithinOneSecond_KeepsTheAnchor_BeyondIt_MovesItByTheDrift()
    {
        var clock = new RunClock();
        clock.AnchorAt(0, T0);

        clock.Reanchor(90_000 * 60, T0.AddSeconds(60.8)).Should().BeNull();
        clock.Anchor.Should().Be(T0);

        clock.Reanchor(90_000 * 120, T0.AddSeconds(121.5)).Should().Be(TimeSpan.FromSeconds(1.5));
        clock.WallTime(90_000 * 120).Should().Be(T0.AddSeconds(121.5));
    }
}
