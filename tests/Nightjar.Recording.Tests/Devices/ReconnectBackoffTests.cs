using Nightjar.Recording.Devices;

namespace Nightjar.Recording.Tests.Devices;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_WithoutJitter_DoublesUpToTheCap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0, new Random(1));

        Enumerable.Range(0, 9).Select(i => backoff.Next(i).TotalSeconds).Should().Equal(1, 2, 4, 8, 16, 32, 60, 60, 60);
        backoff.Next(int.MaxValue).Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Next_WithJitter_StaysWithinTheBandAndVaries()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.2, new Random(2));

        var delays = Enumerable.Range(0, 200).Select(_ => backoff.Next(3).TotalSeconds).ToList();

        delays.Should().OnlyContain(d => d >= 6.4 && d <= 9.6);
        delays.Distinct().Count().Should().BeGreaterThan(100);
    }
}
