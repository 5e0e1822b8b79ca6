using System.Text.Json;
using Nightjar.Recording.Policies;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Policies;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("100GB", 100_000_000_000L)]
    [InlineData("500MB", 500_000_000L)]
    [InlineData("1.5TB", 1_500_000_000_000L)]
    [InlineData("1KB", 1_000L)]
    [InlineData("1kb", 1_000L)]
    [InlineData("2PB", 2_000_000_000_000_000L)]
    [InlineData("1KiB", 1_024L)]
    [InlineData("64GiB", 64L << 30)]
    [InlineData("1TiB", 1L << 40)]
    [InlineData("0.5GiB", 1L << 29)]
    [InlineData("123B", 123L)]
    [InlineData("1.5B", 1L)]
    [InlineData("0GB", 0L)]
    [InlineData("8EiB", -1L)]
    public void TryParse_DecimalAndBinaryUnits(string text, long bytes)
    {
        var ok = ByteSize.TryParse(text, out var size, out var error);

        if (bytes < 0)
        {
            ok.Should().BeFalse("EiB is not a unit");
            error.Should().NotBeNullOrEmpty();
        }
        else
        {
            ok.Should().BeTrue(error);
            size.Bytes.Should().Be(bytes);
        }
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("100", "no unit")]
    [InlineData("GB", "not valid")]
    [InlineData("100 GB", "not valid")]
    [InlineData("-1GB", "not valid")]
    [InlineData("1e3GB", "not valid")]
    [InlineData("1.GB", "not valid")]
    [InlineData(".5GB", "not valid")]
    [InlineData("1.1234567GB", "not valid")]
    [InlineData("10000000PB", "too large")]
    [InlineData("9999999999999999999PiB", "too large")]
    [InlineData("100Gb ", "no unit")]
    public void TryParse_Invalid_FailsWithAReason(string? text, string reason)
    {
        ByteSize.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(reason);
    }

    [Theory]
    [InlineData(0L, "0B")]
    [InlineData(123L, "123B")]
    [InlineData(1_500_000_000_000L, "1500GB")]
    [InlineData(100_000_000_000L, "100GB")]
    [InlineData(1L << 30, "1GiB")]
    [InlineData(1_024_000L, "1000KiB")]
    public void ToString_UsesTheLargestExactUnit(long bytes, string expected) =>
        new ByteSize(bytes).ToString().Should().Be(expected);

    [Fact]
    public void Constructor_Negative_Throws() =>
        FluentActions.Invoking(() => new ByteSize(-1)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Json_RoundTripsAsCanonicalText()
    {
        var json = JsonSerializer.Serialize(ByteSize.Parse("1.5TB"));

        json.Should().Be("\"1500GB\"");
        JsonSerializer.Deserialize<ByteSize>(json).Bytes.Should().Be(1_500_000_000_000L);
        FluentActions.Invoking(() => JsonSerializer.Deserialize<ByteSize>("12")).Should().Throw<JsonException>();
        FluentActions.Invoking(() => JsonSerializer.Deserialize<ByteSize>("\"12\"")).Should().Throw<JsonException>().WithMessage("*no unit*");
    }

    [Fact]
    public void Comparison_FollowsBytes()
    {
        (ByteSize.Parse("1GB") < ByteSize.Parse("1GiB")).Should().BeTrue();
        ByteSize.Parse("1000MB").Should().Be(ByteSize.Parse("1GB"));
        ByteSize.FromGigabytes(100).Should().Be(ByteSize.Parse("100GB"));
    }

    [Fact]
    public async Task TryParse_RandomInput_NeverThrowsAndRoundTripsWhatItAccepts()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var accepted = 0;
            var random = new Random(2);
            var units = new[] { "B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB", "gb", "Gib", "iB", string.Empty };
            var shaped = Enumerable.Range(0, 5_000).Select(_ =>
                random.Next(1, 20).ToString(System.Globalization.CultureInfo.InvariantCulture)
                + (random.Next(3) == 0 ? "." + random.Next(0, 10_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
                + units[random.Next(units.Length)]);
            foreach (var text in Fuzz.Strings(seed: 2, count: 20_000, alphabet: "0123456789.KMGTPiBkmgtpb", maxLength: 10).Concat(shaped))
            {
                if (ByteSize.TryParse(text, out var size, out var error))
                {
                    accepted++;
                    size.Bytes.Should().BeGreaterThanOrEqualTo(0);
                    ByteSize.Parse(size.ToString()).Should().Be(size);
                }
                else
                {
                    error.Should().NotBeNullOrWhiteSpace();
                }
            }

            accepted.Should().BeGreaterThan(1_000);
        });
    }
}
