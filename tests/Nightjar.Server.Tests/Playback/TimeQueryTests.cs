using Nightjar.Server.Playback;

namespace Nightjar.Server.Tests.Playback;

public sealed class TimeQueryTests
{
    private static readonly DateTimeOffset Now = PlaybackRecordings.T0.AddHours(5);

    [Fact]
    public void TryParseWindow_Nothing_IsTheLastDay()
    {
        TimeQuery.TryParseWindow(null, null, Now, out var window, out _).Should().BeTrue();

        window.End.Should().Be(Now);
        window.Start.Should().Be(Now.AddDays(-1));
    }

    [Fact]
    public void TryParseWindow_NowWithTicks_EndsOnAWholeMillisecond()
    {
        TimeQuery.TryParseWindow(null, null, Now.AddTicks(12_345), out var window, out _).Should().BeTrue();

        window.End.Should().Be(Now.AddMilliseconds(1));
    }

    [Theory]
    [InlineData("1795219200")]
    [InlineData("2026-11-21T00:00:00Z")]
    [InlineData("2026-11-21T01:00:00+01:00")]
    [InlineData("2026-11-20T23:00:00.000-01:00")]
    public void TryParse_UnixSecondsAndRfc3339_AreTheSameInstant(string text)
    {
        TimeQuery.TryParse(text, Now, out var time).Should().BeTrue();

        time.Should().Be(PlaybackRecordings.T0);
    }

    [Theory]
    [InlineData("2026-11-21T00:00:00")]
    [InlineData("2026-11-21")]
    [InlineData("21/11/2026 00:00Z")]
    [InlineData("yesterday")]
    [InlineData("-1")]
    [InlineData("0x10")]
    public void TryParse_AmbiguousOrForeignText_Fails(string text)
    {
        TimeQuery.TryParse(text, Now, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("1795219200", "1795219200")]
    [InlineData("1795219300", "1795219200")]
    [InlineData("0", "1795219200")]
    [InlineData("x", null)]
    [InlineData(null, "y")]
    public void TryParseWindow_EmptyReversedTooLongOrUnreadable_FailsWithAReason(string? from, string? to)
    {
        TimeQuery.TryParseWindow(from, to, Now, out _, out var error).Should().BeFalse();

        error.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void TryParseWindow_RandomInput_NeverThrows()
    {
        var random = new Random(7);
        const string alphabet = "0123456789-+:.TZz now\u0000";
        for (var i = 0; i < 20_000; i++)
        {
            var from = random.Next(5) == 0 ? null : new string([.. Enumerable.Range(0, random.Next(0, 45)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var to = random.Next(5) == 0 ? null : new string([.. Enumerable.Range(0, random.Next(0, 45)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            if (TimeQuery.TryParseWindow(from, to, Now, out var window, out var error))
            {
                window.Duration.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(PlaybackLimits.MaxRange);
            }
            else
            {
                error.Should().NotBeNull();
            }
        }
    }
}
