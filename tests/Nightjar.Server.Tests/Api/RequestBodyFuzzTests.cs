using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Nightjar.Recording.Cameras;
using Nightjar.Server.Tests.Security.Support;

namespace Nightjar.Server.Tests.Api;

/// <summary>Random, truncated and mutated bodies against every endpoint that reads one: always a clean answer below 500.</summary>
public sealed class RequestBodyFuzzTests(SecureNodeFixture fixture) : IClassFixture<SecureNodeFixture>
{
    private const int Rounds = 150;

    [Theory]
    [InlineData("POST", "/api/v1/cameras")]
    [InlineData("PUT", "/api/v1/cameras/fuzz")]
    [InlineData("POST", "/api/v1/cameras/fuzz/token")]
    [InlineData("POST", "/api/v1/keys")]
    public async Task FuzzedBodies_AreAnsweredCleanly(string method, string path)
    {
        var node = fixture.Node;
        if (!node.Cameras.Registry.Contains(new CameraId("fuzz")))
        {
            using var admin0 = node.AdminClient();
            (await admin0.PostAsync(new Uri("/api/v1/cameras", UriKind.Relative), SecureNode.Json(CameraEndpointsTests.Camera("fuzz")))).EnsureSuccessStatusCode();
        }

        using var admin = node.AdminClient();
        var seed = Encoding.UTF8.GetBytes(path.EndsWith("keys", StringComparison.Ordinal)
            ? """{"name": "fuzz key", "role": "viewer"}"""
            : path.EndsWith("token", StringComparison.Ordinal) ? """{"stream": "main", "ttlSeconds": 60, "permissions": ["PlayLive"]}""" : CameraEndpointsTests.Camera("fuzz"));
        var random = new Random(path.Length * 7919);
        var statuses = new HashSet<HttpStatusCode>();

        for (var i = 0; i < Rounds; i++)
        {
            var body = (i % 3) switch
            {
                0 => seed[..random.Next(seed.Length + 1)],
                1 => Mutate(seed, random),
                _ => RandomBytes(random),
            };
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

            using var response = await admin.SendAsync(request);

            statuses.Add(response.StatusCode);
            ((int)response.StatusCode).Should().BeLessThan(500, Encoding.UTF8.GetString(body));
            if ((int)response.StatusCode >= 400)
            {
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            }
        }

        statuses.Should().Contain(HttpStatusCode.BadRequest);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var copy = (byte[])seed.Clone();
        for (var j = random.Next(1, 4); j > 0; j--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }
}
