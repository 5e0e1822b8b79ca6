using System.Text;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Tests.Support;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Tests.Cameras.Api;

/// <summary>
/// Hostile and broken bodies: every one must end in a clean result (a definition or field errors), never an
/// exception, never a hang, and never an error message that leaks a password or grows with the input.
/// </summary>
public sealed class CameraRequestFuzzTests
{
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(Samples.FullRequestJson);

    private static readonly string[] Keys =
    [
        "id", "name", "streams", "dvr", "events", "labels", "enabled", "audio", "url", "username", "password",
        "expectedBitrateKbps", "record", "depth", "motionDepth", "space", "preAlarm", "postAlarm", "kind", "channel", "x",
    ];

    [Fact]
    public async Task ParseCreate_EveryTruncation_GivesABodyError()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            for (var length = 0; length < Valid.Length; length++)
            {
                var result = Check(Valid.AsSpan(0, length));
                if (Valid.AsSpan(length).IndexOfAnyExcept(" \r\n\t"u8) >= 0)
                {
                    result.IsValid.Should().BeFalse();
                }
            }

            Check(Valid).IsValid.Should().BeTrue();
        });
    }

    [Fact]
    public async Task ParseCreate_RandomByteMutations_NeverThrow()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(7);
            for (var i = 0; i < 5_000; i++)
            {
                var bytes = new List<byte>(Valid);
                for (var edits = random.Next(1, 6); edits > 0; edits--)
                {
                    var at = random.Next(bytes.Count);
                    switch (random.Next(3))
                    {
                        case 0:
                            bytes[at] = (byte)random.Next(256);
                            break;
                        case 1:
                            bytes.RemoveAt(at);
                            break;
                        default:
                            bytes.InsertRange(at, Encoding.UTF8.GetBytes(Pick(random, ["{", "}", "[", "]", ",", ":", "\"", "null", "1e999", "\\u0000", "\"x\":1,", "\u00e9", "\uD83D\uDE00"])));
                            break;
                    }
                }

                Check(bytes.ToArray());
            }
        });
    }

    [Fact]
    public async Task ParseCreate_RandomlyShapedDocuments_NeverThrow()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(8);
            var valid = 0;
            for (var i = 0; i < 5_000; i++)
            {
                var result = Check(Encoding.UTF8.GetBytes(RandomCamera(random)));
                valid += result.IsValid ? 1 : 0;
            }

            valid.Should().BeGreaterThan(0, "some shapes must get through to prove the generator reaches the validator's success path");
        });
    }

    [Fact]
    public async Task ParseCreate_RandomBytes_NeverThrow()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(9);
            for (var i = 0; i < 5_000; i++)
            {
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                if (bytes.Length > 0 && random.Next(2) == 0)
                {
                    bytes[0] = (byte)'{';
                }

                Check(bytes).IsValid.Should().BeFalse();
            }
        });
    }

    [Fact]
    public async Task ParseCreate_DeepOrWideOrHugeInput_FailsFast()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            Check(Encoding.UTF8.GetBytes(new string('[', 60_000))).Errors.Should().ContainSingle();
            Check(Encoding.UTF8.GetBytes("{\"labels\":{" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"k{i}\":\"v\"")) + "}}")).IsValid.Should().BeFalse();
            Check(Encoding.UTF8.GetBytes("{\"streams\":[" + string.Join(",", Enumerable.Repeat("{}", 20_000)) + "]}")).IsValid.Should().BeFalse();
            Check(new byte[10_000_000]).Errors.Should().ContainSingle().Which.Message.Should().Contain("larger than");
        });
    }

    private static ValidationResult<CameraDefinition> Check(ReadOnlySpan<byte> body)
    {
        var create = CameraRequestValidator.ParseCreate(body);
        var replace = CameraRequestValidator.ParseReplace(new CameraId("lobby"), body, Samples.Camera());
        foreach (var result in new[] { create, replace })
        {
            (result.IsValid ^ !result.Errors.IsEmpty).Should().BeTrue("a result is either valid or has errors");
            foreach (var error in result.Errors)
            {
                error.Field.Should().NotBeNullOrEmpty();
                error.Field.Length.Should().BeLessThanOrEqualTo(JsonFieldPathMaxShown);
                error.Message.Should().NotBeNullOrWhiteSpace();
                error.Message.Length.Should().BeLessThan(600);
                error.Message.Should().NotContain(Samples.StreamPassword).And.NotContain(Samples.EventPassword);
            }
        }

        return create;
    }

    private const int JsonFieldPathMaxShown = 201;

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    private static string RandomCamera(Random random)
    {
        // Half of the documents start from the required fields, so the validator's later rules get reached too.
        var usedKeys = new HashSet<string>();
        var parts = new List<string>();
        if (random.Next(2) == 0)
        {
            parts.Add("\"id\":\"lobby\"");
            parts.Add("\"name\":\"Lobby\"");
            parts.Add("\"streams\":[{\"name\":\"main\",\"url\":\"rtsp://user:Str3amPa55@10.0.0.5/s\"}]");
            usedKeys.UnionWith(["id", "name", "streams"]);
        }

        for (var i = random.Next(0, 6); i > 0; i--)
        {
            var key = Pick(random, Keys);
            if (usedKeys.Add(key))
            {
                parts.Add("\"" + key + "\":" + RandomValue(random, key, depth: 0));
            }
        }

        return "{" + string.Join(",", parts) + "}";
    }

    private static string RandomValue(Random random, string key, int depth)
    {
        if (depth < 3 && random.Next(3) == 0)
        {
            return key switch
            {
                "streams" => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomStream(random, depth))) + "]",
                "dvr" or "events" or "labels" => "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(j => $"\"{Pick(random, Keys)}{j}\":{RandomScalar(random, key)}")) + "}",
                _ => RandomScalar(random, key),
            };
        }

        return key switch
        {
            "id" => Pick(random, ["\"lobby\"", "\"api\"", "\"Lobby\"", "\"\"", "1", "null"]),
            "name" => Pick(random, ["\"Lobby\"", "\"\"", "\"  \"", "false"]),
            "streams" => "[" + RandomStream(random, depth) + "]",
            "dvr" => Pick(random, ["{\"depth\":\"7d\"}", "{\"depth\":\"0d\"}", "{\"space\":\"1.5TB\",\"motionDepth\":\"unlimited\"}", "{}", "\"7d\""]),
            "events" => Pick(random, ["{\"kind\":\"hikvision\",\"url\":\"http://u:Ev3ntPa55@h\"}", "{\"kind\":\"x\"}", "null"]),
            "labels" => Pick(random, ["{\"a\":\"b\"}", "{\"\":\"b\"}", "{}", "[]"]),
            "audio" => Pick(random, ["\"copy\"", "\"drop\"", "\"mp3\"", "0"]),
            _ => RandomScalar(random, key),
        };
    }

    private static string RandomStream(Random random, int depth) =>
        Pick(random,
        [
            "{\"name\":\"main\",\"url\":\"rtsp://user:Str3amPa55@10.0.0.5/s\"}",
            "{\"name\":\"main\",\"url\":\"rtsp://10.0.0.5/s\",\"username\":\"u\",\"password\":\"Str3amPa55\",\"expectedBitrateKbps\":" + random.Next(-5, 2_000_000) + "}",
            "{\"name\":\"sub\",\"url\":\"rtsp://user:Str3amPa55@\"}",
            "{\"name\":\"main\",\"url\":\"rtsp://10.0.0.5/s\",\"record\":" + RandomScalar(random, "record") + "}",
            "{\"" + Pick(random, Keys) + "\":" + RandomScalar(random, "x") + "}",
            depth > 1 ? "{}" : "[" + RandomScalar(random, "x") + "]",
        ]);

    private static string RandomScalar(Random random, string key) => random.Next(8) switch
    {
        0 => "null",
        1 => "true",
        2 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => "-1.5e300",
        4 => "\"" + new string('x', random.Next(0, 300)) + "\"",
        5 => "\"\\u0000\\n\\\"\"",
        6 => "\"" + key + "\"",
        _ => "\"7d\"",
    };
}
