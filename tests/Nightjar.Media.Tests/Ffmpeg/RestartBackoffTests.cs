using Nightjar.Media.Ffmpeg;

namespace Nightjar.Media.Tests.Ffmpeg;

public sealed class RestartBackoffTests
{
    private static readonly TimeSpan Healthy = TimeSpan.FromMinutes(10);

    [Fact]
    public void Next_QuickFailures_FollowTheScheduleAndStayAtTheLastStep()
    {
        var backoff = new RestartBackoff(RestartBackoff.DefaultSchedule, Healthy);

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next(TimeSpan.FromSeconds(3)).TotalSeconds).ToList();

        delays.Should().Equal(1, 2, 5, 10, 30, 30, 30);
        backoff.Attempt.Should().Be(7);
    }

    [Fact]
    public void Next_AfterAHealthyRun_StartsOverAtOneSecond()
    {
        var backoff = new RestartBackoff(RestartBackoff.DefaultSchedule, Healthy);
        backoff.Next(TimeSpan.Zero);
        backoff.Next(TimeSpan.Zero);
        backoff.Next(TimeSpan.Zero);

        backoff.Next(Healthy).Should().Be(TimeSpan.FromSeconds(1));
        backoff.Next(TimeSpan.FromSeconds(1)).Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Constructor_EmptySchedule_Throws()
    {
        var act = () => new RestartBackoff([], Healthy);

        act.Should().Throw<ArgumentException>();
    }
}
