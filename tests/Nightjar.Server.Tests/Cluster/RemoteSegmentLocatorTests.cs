using System.Globalization;
using Nightjar.Server.Cluster.Routing;

namespace Nightjar.Server.Tests.Cluster;

/// <summary>The segment keys of chunk URLs, read back by the locator: exact keys only, nothing else crashes or hangs.</summary>
public sealed class RemoteSegmentLocatorTests
{
    [Fact]
    public void TryParseKey_AnEngineKey_GivesRunDayRunAndSeconds()
    {
        RemoteSegmentLocator.TryParseKey("20261121.1795219200123.1795219260", out var day, out var run, out var seconds).Should().BeTrue();

        day.Should().Be(new DateOnly(2026, 11, 21));
        run.Should().Be("1795219200123");
        seconds.Should().Be(1_795_219_260);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20261121.r1")]
    [InlineData("20261121.r1.12.3")]
    [InlineData("2026112.r1.1795219260")]
    [InlineData("20261321.r1.1795219260")]
    [InlineData("20261121.r 1.1795219260")]
    [InlineData("20261121.r1.-5")]
    [InlineData("20261121.r1.9999999999999")]
    [InlineData("20261121..1795219260")]
    [InlineData("20261121.r1.１２")]
    [InlineData("../../etc.r1.1")]
    public void TryParseKey_AnythingElse_IsRefused(string? key) =>
        RemoteSegmentLocator.TryParseKey(key, out _, out _, out _).Should().BeFalse();

    [Fact]
    public void TryParseKey_RandomTruncatedAndOversizedInput_NeverThrows()
    {
        var random = new Random(20261121);
        const string good = "20261121.r1.1795219260";
        const string alphabet = "0123456789.abcXYZ-_/%\u0000\u00e9";
        for (var i = 0; i < 5000; i++)
        {
            var text = (i % 3) switch
            {
                0 => good[..random.Next(good.Length + 1)],
                1 => new string([.. Enumerable.Range(0, random.Next(40)).Select(_ => alphabet[random.Next(alphabet.Length)])]),
                _ => Mutate(good, random),
            };

            var act = () => RemoteSegmentLocator.TryParseKey(text, out _, out _, out _);
            act.Should().NotThrow(text);
        }

        RemoteSegmentLocator.TryParseKey(new string('1', 100_000), out _, out _, out _).Should().BeFalse();
        RemoteSegmentLocator.TryParseKey(string.Create(CultureInfo.InvariantCulture, $"20261121.{new string('r', 65)}.1"), out _, out _, out _).Should().BeFalse();
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
        return new string(chars);
    }
}
