using Nightjar.Server.Configuration;

namespace Nightjar.Server.Tests.Configuration;

public sealed class StorageLimitTests
{
    [Theory]
    [InlineData("50%", 50.0, null, null)]
    [InlineData("12.5%", 12.5, null, null)]
    [InlineData("100%", 100.0, null, null)]
    [InlineData("500GB", null, 500_000_000_000L, null)]
    [InlineData("1.5TB", null, 1_500_000_000_000L, null)]
    [InlineData("64GiB", null, 68_719_476_736L, null)]
    [InlineData("500gb", null, 500_000_000_000L, null)]
    [InlineData("2048B", null, 2048L, null)]
    [InlineData("50% 7d", 50.0, null, 7 * 24 * 60)]
    [InlineData("  50%\t7d ", 50.0, null, 7 * 24 * 60)]
    [InlineData("7d 50%", 50.0, null, 7 * 24 * 60)]
    [InlineData("200GB 12h", null, 200_000_000_000L, 12 * 60)]
    [InlineData("90% 30m", 90.0, null, 30)]
    public void Parse_ValidForms_ReadsSpaceAndDepth(string text, double? percent, long? bytes, int? depthMinutes)
    {
        var limit = StorageLimit.Parse(text);

        limit.Percent.Should().Be(percent);
        limit.Bytes.Should().Be(bytes);
        limit.Depth.Should().Be(depthMinutes is null ? null : TimeSpan.FromMinutes(depthMinutes.Value));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("0%", "must be a number greater than 0 and at most 100")]
    [InlineData("150%", "must be a number greater than 0 and at most 100")]
    [InlineData("-5%", "must be a number greater than 0 and at most 100")]
    [InlineData("%", "must be a number greater than 0 and at most 100")]
    [InlineData("500", "has no unit")]
    [InlineData("500XB", "has an unknown unit 'XB'")]
    [InlineData("lots", "is neither a percentage, a size nor a depth")]
    [InlineData("1.2.3GB", "is not a number followed by a unit")]
    [InlineData("0GB", "must be at least 1 byte")]
    [InlineData("0.0000001B", "must be at least 1 byte")]
    [InlineData("GB", "does not start with a number")]
    [InlineData("1e3GB", "is not a number followed by a unit")]
    [InlineData("99999999999999PB", "is too large")]
    [InlineData("7d", "has a depth but no space limit")]
    [InlineData("50% 0d", "must be greater than zero")]
    [InlineData("50% 40000d", "longer than 36500 days")]
    [InlineData("50% 99999999999999999999999d", "longer than 36500 days")]
    [InlineData("50% 7d 1h", "has more than two parts")]
    [InlineData("50% 60%", "has two space limits")]
    [InlineData("7d 1h", "has two depths")]
    [InlineData("50 %", "has no unit")]
    [InlineData("1,5TB", "is not a number followed by a unit")]
    public void TryParse_InvalidForms_ExplainWhatIsWrong(string text, string reason)
    {
        StorageLimit.TryParse(text, out _, out var error).Should().BeFalse();

        error.Should().Contain(reason).And.Contain("expected");
        var parse = () => StorageLimit.Parse(text);
        parse.Should().Throw<FormatException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void TryParse_Null_IsAnErrorNotAnException()
    {
        StorageLimit.TryParse(null, out _, out var error).Should().BeFalse();
        error.Should().Contain("is empty");
    }

    [Theory]
    [InlineData("50%")]
    [InlineData("12.5% 30m")]
    [InlineData("500GB 7d")]
    [InlineData("64GiB")]
    [InlineData("1234567B 12h")]
    [InlineData("1.5TB")]
    public void ToString_RoundTripsThroughParse(string text)
    {
        var limit = StorageLimit.Parse(text);

        StorageLimit.Parse(limit.ToString()).Should().Be(limit);
    }

    [Fact]
    public void ToString_UsesTheLargestExactDecimalUnit()
    {
        StorageLimit.Parse("500000MB 168h").ToString().Should().Be("500GB 7d");
    }

    [Fact]
    public void ResolveBytes_PercentOfCapacityOrAbsoluteSize()
    {
        StorageLimit.Parse("50%").ResolveBytes(1_000_000).Should().Be(500_000);
        StorageLimit.Parse("12.5%").ResolveBytes(1_000).Should().Be(125);
        StorageLimit.Parse("2KB").ResolveBytes(1_000_000).Should().Be(2_000);
    }

    [Fact]
    public void Factories_RejectValuesParseWouldReject()
    {
        StorageLimit.FromPercent(50, TimeSpan.FromDays(7)).Should().Be(StorageLimit.Parse("50% 7d"));
        StorageLimit.FromBytes(1_000).Should().Be(StorageLimit.Parse("1KB"));

        ((Action)(() => StorageLimit.FromPercent(0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => StorageLimit.FromBytes(0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => StorageLimit.FromPercent(50, TimeSpan.FromSeconds(90)))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void TryParse_RandomTruncatedAndOversizedInput_NeverThrowsAndAnswersOnOneLine()
    {
        var random = new Random(20261121);
        const string alphabet = "0123456789.%% kKmMgGiIBbTtPpdDhH\t\n\r-+eE,/\\\"'\0\u00a0\u2007٣";
        var inputs = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 24);
            inputs.Add(new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        }

        // Every prefix of valid forms (truncation), and absurd sizes.
        foreach (var valid in new[] { "12.5GiB 30d", "50% 7d", "1.5TB 12h" })
        {
            inputs.AddRange(Enumerable.Range(0, valid.Length + 1).Select(n => valid[..n]));
        }

        inputs.Add(new string('9', 100_000) + "GB");
        inputs.Add(string.Concat(Enumerable.Repeat("50% ", 10_000)));
        inputs.Add("9".PadRight(StorageLimit.MaxLength - 2, '9') + "PB");

        foreach (var input in inputs)
        {
            var ok = StorageLimit.TryParse(input, out var limit, out var error);
            if (ok)
            {
                (limit.Percent is > 0 and <= 100 || limit.Bytes is >= 1).Should().BeTrue(input);
                StorageLimit.Parse(limit.ToString()).Should().Be(limit, input);
            }
            else
            {
                error.Should().NotBeNullOrWhiteSpace();
                error.Should().NotContainAny("\n", "\r", "\0");
                error!.Length.Should().BeLessThan(600, "errors quote at most the first {0} characters", StorageLimit.MaxLength);
                ((Action)(() => StorageLimit.Parse(input))).Should().Throw<FormatException>();
            }
        }
    }
}
