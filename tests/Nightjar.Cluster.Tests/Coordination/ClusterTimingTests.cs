using Nightjar.Cluster.Coordination;

namespace Nightjar.Cluster.Tests.Coordination;

public sealed class ClusterTimingTests
{
    [Fact]
    public void Validate_Defaults_Pass() => new ClusterTiming().Invoking(t => t.Validate()).Should().NotThrow();

    [Fact]
    public void Validate_LeaseShorterThanRenewalsNeed_NamesTheLease()
    {
        var timing = new ClusterTiming { RenewInterval = TimeSpan.FromSeconds(2), LeaseTtl = TimeSpan.FromSeconds(2) };

        timing.Invoking(t => t.Validate()).Should().Throw<ArgumentException>().WithMessage("*LeaseTtl*RenewInterval*");
    }

    [Theory]
    [InlineData(nameof(ClusterTiming.RenewInterval))]
    [InlineData(nameof(ClusterTiming.TakeoverGrace))]
    [InlineData(nameof(ClusterTiming.CoordinatorInterval))]
    [InlineData(nameof(ClusterTiming.ReleaseTimeout))]
    [InlineData(nameof(ClusterTiming.StartAckTimeout))]
    [InlineData(nameof(ClusterTiming.RebalanceInterval))]
    public void Validate_ZeroInterval_NamesIt(string name)
    {
        var timing = name switch
        {
            nameof(ClusterTiming.RenewInterval) => new ClusterTiming { RenewInterval = TimeSpan.Zero },
            nameof(ClusterTiming.TakeoverGrace) => new ClusterTiming { TakeoverGrace = TimeSpan.Zero },
            nameof(ClusterTiming.CoordinatorInterval) => new ClusterTiming { CoordinatorInterval = TimeSpan.Zero },
            nameof(ClusterTiming.ReleaseTimeout) => new ClusterTiming { ReleaseTimeout = TimeSpan.Zero },
            nameof(ClusterTiming.StartAckTimeout) => new ClusterTiming { StartAckTimeout = TimeSpan.Zero },
            _ => new ClusterTiming { RebalanceInterval = TimeSpan.Zero },
        };

        timing.Invoking(t => t.Validate()).Should().Throw<ArgumentException>().WithMessage($"{name}*");
    }

    [Fact]
    public void Validate_NoReleasesAllowed_NamesTheLimit() =>
        new ClusterTiming { MaxReleasesInFlight = 0 }.Invoking(t => t.Validate())
            .Should().Throw<ArgumentException>().WithMessage("*MaxReleasesInFlight*");

    [Fact]
    public void SelfFenceAfter_DefaultLease_IsTtlLessOnePercentAndHalfASecond() =>
        new ClusterTiming().SelfFenceAfter.Should().Be(TimeSpan.FromMilliseconds(9400));
}
