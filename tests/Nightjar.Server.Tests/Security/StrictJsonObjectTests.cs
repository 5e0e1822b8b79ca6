using System.Text;
using Nightjar.Recording.Validation;
using Nightjar.Server.Security;

namespace Nightjar.Server.Tests.Security;

/// <summary>The strict reader of small request bodies: exact answers for known cases, and no crash or hang on any input.</summary>
public sealed class StrictJsonObjectTests
{
    private static readonly string[] Fields = ["name", "ttl", "list"];

    [Fact]
    public void Parse_KnownFields_ReadsTypedValues()
    {
        var json = Parse("""{"name": "x", "ttl": 60, "list": ["a", "b"]}""").GetValueOrThrow();
        var errors = new List<ValidationError>();

        json.GetString("name", errors).Should().Be("x");
        json.GetInt64("ttl", errors).Should().Be(60);
        json.GetStringArray("list", errors).Should().Equal("a", "b");
        json.GetString("absent", errors).Should().BeNull();
        errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"name": "x", "other": 1}""", "other", "is not a known field")]
    [InlineData("""{"name": "x", "name": "y"}""", "name", "is given more than once")]
    [InlineData("""{"Name": "x"}""", "Name", "is not a known field")]
    [InlineData("""{"name": "x",}""", "$", "is not valid JSON")]
    [InlineData("""{"name": "x"} // c""", "$", "is not valid JSON")]
    [InlineData("""[1]""", "$", "must be a JSON object")]
    [InlineData("""null""", "$", "must be a JSON object")]
    [InlineData("""{"list": [[[[["deep"]]]]]}""", "$", "is not valid JSON")]
    public void Parse_BadDocument_NamesTheField(string json, string field, string message)
    {
        var result = Parse(json);

        result.IsValid.Should().BeFalse();
        result.Errors.Should().Contain(e => e.Field == field && e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"ttl": "60"}""")]
    [InlineData("""{"ttl": 1.5}""")]
    [InlineData("""{"ttl": 1e30}""")]
    [InlineData("""{"ttl": null}""")]
    public void GetInt64_WrongType_IsAFieldError(string json)
    {
        var errors = new List<ValidationError>();

        Parse(json).GetValueOrThrow().GetInt64("ttl", errors).Should().BeNull();

        errors.Should().ContainSingle(e => e.Field == "ttl");
    }

    [Fact]
    public void Parse_InvalidUtf8InsideAString_IsABodyError()
    {
        var result = StrictJsonObject.Parse(new byte[] { (byte)'{', (byte)'"', 0xE4, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, Fields);

        result.Errors.Should().ContainSingle(e => e.Field == "$" && e.Message == "is not valid UTF-8");
    }

    [Fact]
    public void Parse_UnknownFieldWithControlCharacters_IsShownPrintably()
    {
        var result = Parse("{\"a\\u0000b" + new string('x', 100) + "\": 1}");

        result.Errors.Should().ContainSingle().Which.Field.Should().StartWith("a?b").And.EndWith("...").And.HaveLength(67);
    }

    [Fact]
    public void Parse_RandomTruncatedAndMutatedInput_AlwaysAnswersWithoutThrowing()
    {
        var random = new Random(20260101);
        var seed = Encoding.UTF8.GetBytes("""{"name": "lobby screen", "ttl": 300, "list": ["PlayLive", "Export"]}""");
        for (var i = 0; i < 3000; i++)
        {
            byte[] input = (i % 3) switch
            {
                0 => seed[..random.Next(seed.Length + 1)],
                1 => Mutate(seed, random),
                _ => RandomBytes(random),
            };

            var result = StrictJsonObject.Parse(input, Fields);

            if (result.Value is { } json)
            {
                var errors = new List<ValidationError>();
                json.GetString("name", errors);
                json.GetInt64("ttl", errors);
                json.GetStringArray("list", errors);
            }
            else
            {
                result.Errors.Should().NotBeEmpty();
            }
        }
    }

    [Fact]
    public void Parse_HugeInput_IsHandledBoundedly()
    {
        var deep = Encoding.ASCII.GetBytes(new string('[', 100_000) + new string(']', 100_000));
        var wide = Encoding.ASCII.GetBytes("{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"f{i}\": {i}")) + "}");

        StrictJsonObject.Parse(deep, Fields).Errors.Should().ContainSingle(e => e.Field == "$");
        StrictJsonObject.Parse(wide, Fields).Errors.Should().HaveCount(20_000);
    }

    private static ValidationResult<StrictJsonObject> Parse(string json) => StrictJsonObject.Parse(Encoding.UTF8.GetBytes(json), Fields);

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var copy = (byte[])seed.Clone();
        for (var j = random.Next(1, 5); j > 0; j--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 200)];
        random.NextBytes(bytes);
        return bytes;
    }
}
