using Microsoft.AspNetCore.TestHost;
using Nightjar.Server.Playback;

namespace Nightjar.Server.Tests.Playback;

public sealed class MediaCorsTests
{
    [Theory]
    [InlineData("GET", "/lobby/index.m3u8", true)]
    [InlineData("HEAD", "/lobby/main/c/k/0-188.ts", true)]
    [InlineData("OPTIONS", "/lobby/preview.jpg", true)]
    [InlineData("POST", "/lobby/index.m3u8", false)]
    [InlineData("GET", "/api/v1/node", false)]
    [InlineData("GET", "/health/live", false)]
    [InlineData("GET", "/metrics", false)]
    [InlineData("GET", "/lobby", false)]
    [InlineData("GET", "/Lobby/index.m3u8", false)]
    public void IsMediaRequest_OnlyReadsOfCameraPaths(string method, string path, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;

        MediaCors.IsMediaRequest(context.Request).Should().Be(expected);
    }

    [Fact]
    public async Task UseMediaCors_AnswerWrittenBeforeAnyMediaEndpoint_StillCarriesTheHeaders()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.UseMediaCors();
        app.Use((HttpContext context, RequestDelegate _) =>
        {
            // Stands in for authentication refusing a token before routing reaches the endpoint.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        using var client = app.GetTestClient();

        var media = await client.GetAsync(new Uri("/lobby/index.m3u8?token=expired", UriKind.Relative));
        var api = await client.GetAsync(new Uri("/api/v1/node", UriKind.Relative));

        media.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        media.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        api.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        await app.StopAsync();
    }
}
