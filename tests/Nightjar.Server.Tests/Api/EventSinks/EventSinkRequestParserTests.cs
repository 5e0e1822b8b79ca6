using System.Text;
using Nightjar.Server.Api.EventSinks;

namespace Nightjar.Server.Tests.Api.EventSinks;

/// <summary>The strict sink body reader against random, truncated, deep and oversized input: never a crash or a hang, always a clean error.</summary>
public sealed class EventSinkRequestParserTests
{
    private const string Valid = """
        {"name": "ops", "url": "https://u:p@h/x", "only": {"types": ["camera_alarm"], "cameras": ["lobby"]},
         "headers": {"X-Token": "t"}, "secret": "0123456789abcdef", "batchSize": 10, "from": "start"}
        """;

    [Fact]
    public void Parse_ValidBody_ReadsEveryField()
    {
        var request = EventSinkRequestParser.Parse(Encoding.UTF8.GetBytes(Valid)).Value!;

        request.Url.Should().Be("https://u:p@h/x");
        request.Types.Should().Equal("camera_alarm");
        request.Cameras.Should().Equal("lobby");
        request.Headers!["X-Token"].Should().Be("t");
        request.Secret.Should().Be("0123456789abcdef");
        (request.BatchSize, request.From, request.Name).Should().Be((10L, "start", "ops"));
        request.ToString().Should().NotContain("0123456789abcdef").And.NotContain("u:p@");
    }

    [Fact]
    public async Task Parse_EveryTruncationAndRandomMutation_FailsCleanlyWithoutThrowing()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid);
        var random = new Random(6);
        var inputs = new List<byte[]>();
        for (var length = 0; length < bytes.Length; length++)
        {
            inputs.Add(bytes[..length]);
        }

        for (var i = 0; i < 2000; i++)
        {
            var mutated = (byte[])bytes.Clone();
            for (var j = random.Next(1, 6); j > 0; j--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            inputs.Add(mutated);
        }

        for (var i = 0; i < 500; i++)
        {
            var noise = new byte[random.Next(0, 300)];
            random.NextBytes(noise);
            inputs.Add(noise);
        }

        inputs.Add(Encoding.UTF8.GetBytes(new string('[', 100_000)));
        inputs.Add(Encoding.UTF8.GetBytes("{\"only\":{\"types\":[" + string.Join(",", Enumerable.Repeat("\"camera_alarm\"", 50_000)) + "]}}"));
        inputs.Add(Encoding.UTF8.GetBytes("{\"headers\":{" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"h{i}\":\"v\"")) + "}}"));

        await Task.Run(() =>
        {
            foreach (var input in inputs)
            {
                var result = EventSinkRequestParser.Parse(input);
                (result.IsValid || result.Errors.Any()).Should().BeTrue();
            }
        }).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
