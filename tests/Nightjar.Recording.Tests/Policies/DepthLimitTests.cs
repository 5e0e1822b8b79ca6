using System.Text.Json;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Policies;

public sealed class DepthLimitTests
{
    [Fact]
    public void TryParse_Unlimited_IsUnlimitedInAnyCase()
    {
        DepthLimit.Parse("unlimited").IsUnlimited.Should().BeTrue();
        DepthLimit.Parse("Unlimited").Should().Be(DepthLimit.Unlimited);
        default(DepthLimit).Should().Be(DepthLimit.Unlimited);
    }

    [Fact]
    public void TryParse_Duration_IsThatDepth()
    {
        var depth = DepthLimit.Parse("7d");

        depth.IsUnlimited.Should().BeFalse();
        depth.Duration.Should().Be(TimeSpan.FromDays(7));
        depth.ToString().Should().Be("7d");
    }

    [Theory]
    [InlineData("0s", "greater than zero")]
    [InlineData("0d", "greater than zero")]
    [InlineData("forever", "'unlimited'")]
    [InlineData("", "'unlimited'")]
    public void TryParse_ZeroOrNonsense_Fails(string text, string reason)
    {
        DepthLimit.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(reason);
    }

    [Fact]
    public void Of_RejectsNonPositiveAndFractionalDurations()
    {
        FluentActions.Invoking(() => DepthLimit.Of(TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => DepthLimit.Of(TimeSpan.FromMilliseconds(1500))).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => DepthLimit.Of(TimeSpan.FromDays(40_000))).Should().Throw<ArgumentOutOfRangeException>();
        DepthLimit.Of(TimeSpan.FromHours(36)).ToString().Should().Be("1d12h");
    }

    [Fact]
    public void Json_RoundTrips()
    {
        JsonSerializer.Serialize(DepthLimit.Unlimited).Should().Be("\"unlimited\"");
        JsonSerializer.Deserialize<DepthLimit>("\"36h\"").Should().Be(DepthLimit.Of(TimeSpan.FromHours(36)));
        FluentActions.Invoking(() => JsonSerializer.Deserialize<DepthLimit>("\"0s\"")).Should().Throw<JsonException>();
        FluentActions.Invoking(() => JsonSerializer.Deserialize<DepthLimit>("7")).Should().Throw<JsonException>();
    }

    [Fact]
    public async Task TryParse_RandomInput_NeverThrows()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            foreach (var text in Fuzz.Strings(seed: 3, count: 10_000, alphabet: "0123456789dhmsunlimted", maxLength: 12))
            {
                if (DepthLimit.TryParse(text, out var depth, out var error))
                {
                    DepthLimit.Parse(depth.ToString()).Should().Be(depth);
                }
                else
                {
                    error.Should().NotBeNullOrWhiteSpace();
                }
            }
        });
    }
}
