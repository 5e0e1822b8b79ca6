using System.Text.Json;

namespace Nightjar.Persistence.Tests;

public sealed class JournalOffsetTests
{
    [Theory]
    [InlineData(0UL, 0L, "0-0")]
    [InlineData(812UL, 42L, "812-42")]
    [InlineData(ulong.MaxValue, long.MaxValue, "18446744073709551615-9223372036854775807")]
    public void ToString_Parse_RoundTrips(ulong transactionId, long ordering, string text)
    {
        var offset = new JournalOffset(transactionId, ordering);

        offset.ToString().Should().Be(text);
        JournalOffset.Parse(text).Should().Be(offset);
        JournalOffset.TryParse(text, out var parsed).Should().BeTrue();
        parsed.Should().Be(offset);
        $"{offset}".Should().Be(text);
    }

    [Fact]
    public void CompareTo_TransactionFirstThenOrdering_GivesFeedOrder()
    {
        var offsets = new[] { new JournalOffset(5, 1), new JournalOffset(4, 9), new JournalOffset(5, 0), JournalOffset.Start };

        offsets.Order().Should().Equal(JournalOffset.Start, new JournalOffset(4, 9), new JournalOffset(5, 0), new JournalOffset(5, 1));
        (new JournalOffset(4, 9) < new JournalOffset(5, 0)).Should().BeTrue();
        (new JournalOffset(5, 0) >= new JournalOffset(5, 0)).Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1-")]
    [InlineData("-1")]
    [InlineData("1")]
    [InlineData("1--2")]
    [InlineData("1-2-3")]
    [InlineData("+1-2")]
    [InlineData("1-+2")]
    [InlineData(" 1-2")]
    [InlineData("1-2 ")]
    [InlineData("1.5-2")]
    [InlineData("0x1-2")]
    [InlineData("1-9223372036854775808")]
    [InlineData("18446744073709551616-1")]
    [InlineData("١-٢")]
    [InlineData("after")]
    [InlineData("01-2")]
    [InlineData("1-02")]
    [InlineData("00-0")]
    public void TryParse_Malformed_ReturnsFalseAndParseThrowsFormatException(string? text)
    {
        JournalOffset.TryParse(text, out _).Should().BeFalse();
        if (text is not null)
        {
            var parse = () => JournalOffset.Parse(text);
            parse.Should().Throw<FormatException>().WithMessage("*'<transaction>-<ordering>'*");
        }
    }

    [Fact]
    public void TryParse_RandomTruncatedAndOversizedInput_NeverThrowsAndAcceptsOnlyCanonicalText()
    {
        var random = new Random(20261121);
        const string Alphabet = "0123456789-+ .x\0é\u0661";
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, i % 100 == 0 ? 5_000 : 45);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars);
            if (JournalOffset.TryParse(text, out var parsed))
            {
                parsed.ToString().Should().Be(text, "only canonical digit-dash-digit text parses");
            }
        }

        var valid = new JournalOffset(123456789, 987654321).ToString();
        for (var cut = 0; cut < valid.Length; cut++)
        {
            var truncated = valid[..cut];
            JournalOffset.TryParse(truncated, out var parsed).Should().Be(truncated.Contains('-', StringComparison.Ordinal) && !truncated.EndsWith('-'));
            if (cut > 10)
            {
                parsed.TransactionId.Should().Be(123456789);
            }
        }

        JournalOffset.TryParse(new string('1', 1_000_000), out _).Should().BeFalse();
    }

    [Fact]
    public void Json_SerializesAsTheSameStringAsTheQueryParameter()
    {
        var offset = new JournalOffset(77, 3);

        var json = JsonSerializer.Serialize(new { after = offset });

        json.Should().Be("""{"after":"77-3"}""");
        JsonSerializer.Deserialize<JournalOffset>("\"77-3\"").Should().Be(offset);
        var wrongType = () => JsonSerializer.Deserialize<JournalOffset>("42");
        wrongType.Should().Throw<JsonException>();
        var malformed = () => JsonSerializer.Deserialize<JournalOffset>("\"77_3\"");
        malformed.Should().Throw<JsonException>();
    }
}
