using Nightjar.Recording.Policies;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Policies;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("7d", 7 * 86_400)]
    [InlineData("36h", 36 * 3_600)]
    [InlineData("30m", 30 * 60)]
    [InlineData("45s", 45)]
    [InlineData("1d12h", 86_400 + (12 * 3_600))]
    [InlineData("1h30m15s", 3_600 + (30 * 60) + 15)]
    [InlineData("2d5s", (2 * 86_400) + 5)]
    [InlineData("0s", 0)]
    [InlineData("7D", 7 * 86_400)]
    [InlineData("36500d", 36_500L * 86_400)]
    [InlineData("000000010m", 600)]
    public void TryParse_ValidForms_GiveTheDuration(string text, long seconds)
    {
        DurationText.TryParse(text, out var value, out var error).Should().BeTrue(error);
        value.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("7", "without a unit")]
    [InlineData("d", "not valid")]
    [InlineData("7w", "unknown unit")]
    [InlineData("7 d", "unknown unit")]
    [InlineData(" 7d", "not valid")]
    [InlineData("-7d", "not valid")]
    [InlineData("+7d", "not valid")]
    [InlineData("1.5h", "unknown unit")]
    [InlineData("12h1d", "largest first")]
    [InlineData("1h1h", "largest first")]
    [InlineData("36501d", "too large")]
    [InlineData("1000000000s", "too large")]
    [InlineData("36500d1s", "too large")]
    [InlineData("７d", "not valid")]
    public void TryParse_InvalidForms_FailWithAReason(string? text, string reason)
    {
        DurationText.TryParse(text, out var value, out var error).Should().BeFalse();
        value.Should().Be(TimeSpan.Zero);
        error.Should().Contain(reason);
    }

    [Fact]
    public void TryParse_LongInput_IsRejectedWithoutEchoingIt()
    {
        var text = new string('1', 10_000) + "d";

        DurationText.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain("too long").And.NotContain("1111");
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(36 * 3_600, "1d12h")]
    [InlineData(7 * 86_400, "7d")]
    [InlineData(90_061, "1d1h1m1s")]
    public void Format_GivesCanonicalText(long seconds, string expected) =>
        DurationText.Format(TimeSpan.FromSeconds(seconds)).Should().Be(expected);

    [Fact]
    public void Format_DropsFractionsOfASecond() =>
        DurationText.Format(TimeSpan.FromMilliseconds(1_999)).Should().Be("1s");

    [Fact]
    public void Format_Negative_Throws() =>
        FluentActions.Invoking(() => DurationText.Format(TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() =>
        FluentActions.Invoking(() => DurationText.Parse("soon")).Should().Throw<FormatException>().WithMessage("*expected a duration*");

    [Fact]
    public async Task TryParse_RandomInput_NeverThrowsAndRoundTripsWhatItAccepts()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var accepted = 0;
            foreach (var text in Fuzz.Strings(seed: 1, count: 20_000, alphabet: "0123456789dhmsDHMS", maxLength: 12))
            {
                if (DurationText.TryParse(text, out var value, out var error))
                {
                    accepted++;
                    value.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThanOrEqualTo(DurationText.MaxValue);
                    DurationText.Parse(DurationText.Format(value)).Should().Be(value);
                }
                else
                {
                    error.Should().NotBeNullOrWhiteSpace();
                }
            }

            accepted.Should().BeGreaterThan(100, "the generator must also produce valid durations to be a useful test");
        });
    }
}
