using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Tests.Api;
using Nightjar.Server.Tests.Devices.Support;
using Nightjar.Server.Tests.Security.Support;

namespace Nightjar.Server.Tests.Devices;

/// <summary>
/// The node runs an event source for a camera created through the API with a Hikvision <c>events</c> block, and its
/// state shows as <c>eventSource</c> in camera status, without the password.
/// </summary>
public sealed class CameraEventSourceStatusTests(SecureNodeFixture fixture) : IClassFixture<SecureNodeFixture>, IDisposable
{
    private const string Password = "Ev3nt-S3cret-Pa55";

    private static readonly Uri Cameras = new("/api/v1/cameras", UriKind.Relative);

    private readonly SecureNode _node = fixture.Node;
    private readonly HttpClient _admin = fixture.Node.AdminClient();

    public void Dispose() => _admin.Dispose();

    [Fact]
    public async Task Status_OfACameraWhoseDeviceRefusesTheLogin_ShowsUnauthorizedWithoutThePassword()
    {
        await using var device = new RejectingDevice();
        var events = $$""", "events": {"kind": "hikvision", "url": "{{device.BaseUrl}}", "username": "admin", "password": "{{Password}}"}""";
        (await _admin.PostAsync(Cameras, SecureNode.Json(CameraEndpointsTests.Camera("dev1", extra: events)))).StatusCode.Should().Be(HttpStatusCode.Created);
        _node.Cameras.SetStatus(new CameraStatus(new CameraId("dev1"), true, []));

        var started = Stopwatch.GetTimestamp();
        string body;
        while (!(body = await StatusAsync("dev1")).Contains("\"state\":\"unauthorized\"", StringComparison.Ordinal))
        {
            Stopwatch.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(20), "the event source reports the refused login: " + body);
            await Task.Delay(20);
        }

        body.Should().NotContain(Password);
        using var json = JsonDocument.Parse(body);
        var source = json.RootElement.GetProperty("eventSource");
        source.GetProperty("kind").GetString().Should().Be("hikvision");
        source.GetProperty("url").GetString().Should().Be(device.BaseUrl);
        source.GetProperty("channel").GetInt32().Should().Be(1);
        source.GetProperty("lastError").GetString().Should().Contain("401");
        source.GetProperty("nextAttemptAt").GetDateTimeOffset().Should().BeAfter(source.GetProperty("since").GetDateTimeOffset());
        device.Requests.Should().BeGreaterThanOrEqualTo(1);
        _node.Logs.AllText.Should().NotContain(Password);
    }

    [Fact]
    public async Task Status_OfACameraWithoutEvents_HasNoEventSource()
    {
        (await _admin.PostAsync(Cameras, SecureNode.Json(CameraEndpointsTests.Camera("dev2")))).StatusCode.Should().Be(HttpStatusCode.Created);
        _node.Cameras.SetStatus(new CameraStatus(new CameraId("dev2"), true, []));

        using var json = JsonDocument.Parse(await StatusAsync("dev2"));

        json.RootElement.GetProperty("eventSource").ValueKind.Should().Be(JsonValueKind.Null);
    }

    private async Task<string> StatusAsync(string camera)
    {
        using var response = await _admin.GetAsync(new Uri($"/api/v1/cameras/{camera}/status", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
