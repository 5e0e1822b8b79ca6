using Microsoft.AspNetCore.Routing;
using Nightjar.Server.Security;

namespace Nightjar.Server.Tests.Security;

/// <summary>Which requests may carry a playback token, and which path it must cover.</summary>
public sealed class MediaRequestScopeTests
{
    [Theory]
    [InlineData("GET", "/lobby/index.m3u8", true)]
    [InlineData("HEAD", "/lobby/main/c/1/0-188.ts", true)]
    [InlineData("GET", "/lobby", true)]
    [InlineData("POST", "/lobby/index.m3u8", false)]
    [InlineData("DELETE", "/lobby/index.m3u8", false)]
    [InlineData("GET", "/api/v1/cameras", false)]
    [InlineData("GET", "/health/live", false)]
    [InlineData("GET", "/metrics", false)]
    [InlineData("GET", "/openapi/v1.json", false)]
    [InlineData("GET", "/Lobby/index.m3u8", false)]
    [InlineData("GET", "/", false)]
    public void IsMediaRequest_OnlyGetsOfCameraPaths(string method, string path, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;

        MediaRequestScope.IsMediaRequest(context.Request).Should().Be(expected);
    }

    [Fact]
    public void PathOf_PrefersRouteValues()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/lobby/main/index.m3u8";
        context.Request.RouteValues = new RouteValueDictionary { ["camera"] = "lobby", ["stream"] = "main" };

        MediaRequestScope.PathOf(context).Should().Be("lobby/main");
        context.Request.RouteValues = new RouteValueDictionary { ["camera"] = "lobby" };
        MediaRequestScope.PathOf(context).Should().Be("lobby");
        context.Request.RouteValues = new RouteValueDictionary();
        MediaRequestScope.PathOf(context).Should().Be("lobby/main/index.m3u8");
    }
}
