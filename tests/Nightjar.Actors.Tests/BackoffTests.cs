using Nightjar.Actors.Runtime;

namespace Nightjar.Actors.Tests;

public sealed class BackoffTests
{
    private static readonly SupervisorStrategy Strategy = new()
    {
        MinBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(10),
        RandomFactor = 0.2,
    };

    [Theory]
    [InlineData(0, 0.0, 100)]
    [InlineData(1, 0.0, 200)]
    [InlineData(3, 0.0, 800)]
    [InlineData(3, 1.0, 960)]
    [InlineData(3, 0.5, 880)]
    [InlineData(7, 0.0, 10_000)]
    [InlineData(7, 1.0, 12_000)]
    [InlineData(10_000, 0.0, 10_000)]
    public void Compute_FollowsAkkasFormula(int restartCount, double random, double expectedMs)
    {
        Backoff.Compute(Strategy, restartCount, random).TotalMilliseconds.Should().BeApproximately(expectedMs, 0.001);
    }

    [Fact]
    public async Task Strategy_WithInvertedBounds_IsRejectedAtSpawn()
    {
        await using var system = new ActorSystem("bad-strategy");
        var strategy = new SupervisorStrategy { MinBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromSeconds(1) };

        var act = () => system.Spawn<string>("a", () => new LambdaActor<string>((_, _) => { }), new SpawnOptions { Supervision = strategy });

        act.Should().Throw<ArgumentException>().WithMessage("*MaxBackoff*");
    }

    [Fact]
    public void Strategy_WithNegativeValues_Throws()
    {
        var negativeBackoff = () => new SupervisorStrategy { MinBackoff = TimeSpan.FromSeconds(-1) };
        var badRestarts = () => new SupervisorStrategy { MaxRestarts = -2 };
        var badWindow = () => new SupervisorStrategy { Window = TimeSpan.Zero };

        negativeBackoff.Should().Throw<ArgumentOutOfRangeException>();
        badRestarts.Should().Throw<ArgumentOutOfRangeException>();
        badWindow.Should().Throw<ArgumentOutOfRangeException>();
    }
}
