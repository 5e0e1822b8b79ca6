using Nightjar.Media.Ffmpeg;

namespace Nightjar.Media.Tests.Ffmpeg;

public sealed class StallDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsStalled_ProgressKeepsAdvancing_Never()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        detector.Reset(T0);

        for (var s = 1; s <= 120; s++)
        {
            detector.Observe(Block(frame: s * 25, seconds: s), T0.AddSeconds(s)).Should().BeTrue();
            detector.IsStalled(T0.AddSeconds(s)).Should().BeFalse();
        }
    }

    [Fact]
    public void IsStalled_BlocksThatRepeatTheSameNumbers_AfterTheTimeout()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5));
        detector.Reset(T0);
        detector.Observe(Block(250, 10), T0.AddSeconds(30));

        for (var s = 31; s < 40; s++)
        {
            detector.Observe(Block(250, 10), T0.AddSeconds(s)).Should().BeFalse("the same numbers are no advance");
            detector.IsStalled(T0.AddSeconds(s)).Should().BeFalse();
        }

        detector.IsStalled(T0.AddSeconds(40)).Should().BeTrue();
        detector.SinceLastAdvance(T0.AddSeconds(40)).Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void IsStalled_NoProgressAtAll_OnlyAfterGracePlusTimeout()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        detector.Reset(T0);

        detector.IsStalled(T0.AddSeconds(29)).Should().BeFalse();
        detector.IsStalled(T0.AddSeconds(30)).Should().BeTrue();
    }

    [Fact]
    public void Reset_NewRun_ForgetsThePreviousCounters()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(10), TimeSpan.Zero);
        detector.Reset(T0);
        detector.Observe(Block(1000, 40), T0.AddSeconds(40));

        detector.Reset(T0.AddSeconds(50));

        detector.Observe(Block(25, 1), T0.AddSeconds(51)).Should().BeTrue("a new process counts from zero again");
    }

    private static FfmpegProgress Block(long frame, double seconds) =>
        new(frame, 25, 1000, (long)(seconds * 125_000), TimeSpan.FromSeconds(seconds), 0, 0, 1, false);
}
