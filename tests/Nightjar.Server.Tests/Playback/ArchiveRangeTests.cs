using Nightjar.Server.Playback;

namespace Nightjar.Server.Tests.Playback;

public sealed class ArchiveRangeTests
{
    [Fact]
    public void TryParse_SecondsAndDuration_IsTheHalfOpenRange()
    {
        ArchiveRange.TryParse("1795219200", "3600", allowNow: true, out var range, out _).Should().BeTrue();

        range!.From.Should().Be(PlaybackRecordings.T0);
        range.To.Should().Be(PlaybackRecordings.T0.AddHours(1));
        range.DurationSeconds.Should().Be(3600);
    }

    [Fact]
    public void TryParse_Now_IsOpenEndedOnlyWhereAllowed()
    {
        ArchiveRange.TryParse("1795219200", "now", allowNow: true, out var range, out _).Should().BeTrue();
        range!.IsOpenEnded.Should().BeTrue();

        ArchiveRange.TryParse("1795219200", "now", allowNow: false, out _, out var error).Should().BeFalse();
        error.Should().Contain("duration").And.NotContain("'now'");
    }

    [Theory]
    [InlineData("abc", "60")]
    [InlineData("-5", "60")]
    [InlineData("+5", "60")]
    [InlineData(" 5", "60")]
    [InlineData("1e9", "60")]
    [InlineData("1795219200.5", "60")]
    [InlineData("9999999999999", "60")]
    [InlineData("253402300800", "60")]
    [InlineData("١٧٩٥", "60")]
    [InlineData("1795219200", "0")]
    [InlineData("1795219200", "-1")]
    [InlineData("1795219200", "2678401")]
    [InlineData("1795219200", "NOW")]
    [InlineData("1795219200", "")]
    [InlineData("", "60")]
    [InlineData(null, "60")]
    public void TryParse_BadInput_FailsWithAReason(string? from, string? duration)
    {
        ArchiveRange.TryParse(from, duration, allowNow: true, out var range, out var error).Should().BeFalse();

        range.Should().BeNull();
        error.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void TryParse_ThirtyOneDays_IsTheLongestRange()
    {
        ArchiveRange.TryParse("0", "2678400", allowNow: false, out var range, out _).Should().BeTrue();
        range!.To.Should().Be(DateTimeOffset.UnixEpoch.AddDays(31));
    }

    [Fact]
    public void TryParse_RandomInput_NeverThrows()
    {
        var random = new Random(42);
        const string alphabet = "0123456789-+. now\u0000\u00e9%/e";
        for (var i = 0; i < 20_000; i++)
        {
            var from = RandomText(random, alphabet);
            var duration = RandomText(random, alphabet);
            var ok = ArchiveRange.TryParse(from, duration, allowNow: random.Next(2) == 0, out var range, out var error);
            if (ok)
            {
                range!.From.Should().BeOnOrAfter(DateTimeOffset.UnixEpoch);
                (range.To is null || range.To > range.From).Should().BeTrue();
            }
            else
            {
                error.Should().NotBeNull();
            }
        }
    }

    private static string RandomText(Random random, string alphabet)
    {
        var length = random.Next(0, 20);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }
}
