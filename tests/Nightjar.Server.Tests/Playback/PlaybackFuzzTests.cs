using System.Text;
using Microsoft.AspNetCore.TestHost;

namespace Nightjar.Server.Tests.Playback;

/// <summary>Random, truncated and oversized media URLs: every answer is a clean 2xx/4xx, never a 500 or a hang.</summary>
[Collection(PlaybackCollection.Name)]
public sealed class PlaybackFuzzTests(PlaybackRecordings recordings)
{
    private const string Alphabet = "0123456789abcdefz.-_~%2F/\\:?#&=+ \u00e9\u0001now";

    [Fact]
    public async Task RandomMediaUrls_AreAnsweredWithoutServerErrors()
    {
        var node = await recordings.SharedNodeAsync();
        var server = node.Node.App.GetTestServer();
        var random = new Random(20261121);
        var key = recordings.LobbyMain.Files[0].Segment.Key;
        string[] templates =
        [
            "/lobby/index-{0}-{1}.m3u8", "/lobby/archive-{0}-{1}.m3u8", "/lobby/main/index-{0}-{1}.m3u8", "/lobby/archive-{0}-{1}.ts",
            "/lobby/main/c/{2}/{0}-{1}.ts", "/lobby/main/c/" + key + "/{0}-{1}.ts", "/lobby/main/f/{2}.ts", "/{2}/index.m3u8",
            "/lobby/{2}/index-{0}-{1}.m3u8", "/lobby/recording_status.json?from={0}&to={1}", "/lobby/index.m3u8?byterange={2}",
            "/api/v1/cameras/{2}/recordings?from={0}&to={1}", "/api/v1/cameras/lobby/recordings?stream={2}&from={0}",
        ];

        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 400; i++)
        {
            var template = templates[random.Next(templates.Length)];
            var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Fuzz(random), Fuzz(random), Fuzz(random));
            var questionMark = url.IndexOf('?', StringComparison.Ordinal);
            var context = await server.SendAsync(c =>
            {
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = new PathString(questionMark < 0 ? url : url[..questionMark]);
                c.Request.QueryString = questionMark < 0 ? QueryString.Empty : new QueryString(url[questionMark..]);
                c.Request.Headers.Authorization = "Bearer " + PlaybackNode.AdminKey;
            }).WaitAsync(TimeSpan.FromSeconds(20));

            var status = context.Response.StatusCode;
            status.Should().BeOneOf([200, 206, 400, 404, 416], "GET {0} must not fail the server", url);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        statuses.Keys.Should().Contain([400, 404], "the fuzzer reaches the validation of every route");
    }

    /// <summary>Empty, short, digit-only, truncated-number, or oversized (8 KB) text.</summary>
    private static string Fuzz(Random random) => random.Next(10) switch
    {
        0 => string.Empty,
        1 => new string('9', random.Next(1, 40)),
        2 => random.Next(0, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => "1795219200"[..random.Next(1, 10)],
        4 => new string('a', 8192),
        _ => Random(random, random.Next(1, 24)),
    };

    private static string Random(Random random, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }
}
