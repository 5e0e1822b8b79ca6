using System.Text;
using System.Text.Json;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Devices.Hikvision;

namespace Nightjar.Recording.Tests.Devices;

/// <summary>The event source options of the camera's <c>events</c> block, end to end from JSON.</summary>
public sealed class EventSourceOptionsTests
{
    private const string Camera = """{"id": "door", "name": "Door", "streams": [{"name": "main", "url": "rtsp://10.0.0.9/s"}], "events": EVENTS}""";

    [Fact]
    public void Options_DefaultOff_SoExistingCamerasKeepTheirMeaning()
    {
        var events = Create("""{"kind": "hikvision", "url": "http://10.0.0.9", "username": "admin", "password": "x"}""").Events!;

        events.AcceptSelfSignedCertificate.Should().BeFalse();
        events.KeepImages.Should().BeFalse();
        events.ReportHeartbeats.Should().BeFalse();
    }

    [Fact]
    public void Options_AreReadAndReturned()
    {
        var camera = Create("""{"kind": "hikvision", "url": "https://10.0.0.9", "acceptSelfSignedCertificate": true, "keepImages": true, "reportHeartbeats": true}""");

        camera.Events.Should().Be(new EventSourceDefinition("hikvision", "https://10.0.0.9", null, 1, true, true, true));
        var json = JsonSerializer.Serialize(CameraResponse.From(camera));
        json.Should().Contain("\"acceptSelfSignedCertificate\":true").And.Contain("\"keepImages\":true").And.Contain("\"reportHeartbeats\":true");
    }

    [Fact]
    public void AcceptSelfSignedCertificate_OnPlainHttp_IsAnError()
    {
        var errors = CameraRequestValidator.ParseCreate(Encoding.UTF8.GetBytes(
            Camera.Replace("EVENTS", """{"kind": "hikvision", "url": "http://10.0.0.9", "acceptSelfSignedCertificate": true}""", StringComparison.Ordinal))).Errors;

        errors.Should().ContainSingle(e => e.Field == "events.acceptSelfSignedCertificate" && e.Message.Contains("https://", StringComparison.Ordinal));
    }

    [Fact]
    public void StoredDefinitionsWithoutTheOptions_StillDeserialize()
    {
        const string stored = """{"Kind": "hikvision", "Url": "http://10.0.0.5", "Credentials": null, "Channel": 2}""";

        var events = JsonSerializer.Deserialize<EventSourceDefinition>(stored)!;

        events.Should().Be(new EventSourceDefinition("hikvision", "http://10.0.0.5", null, 2));
    }

    [Theory]
    [InlineData("http://10.0.0.5", "http://10.0.0.5/ISAPI/Event/notification/alertStream")]
    [InlineData("HTTP://Camera.Local:80/", "http://camera.local/ISAPI/Event/notification/alertStream")]
    [InlineData("https://10.0.0.5:8443/proxy/cam1", "https://10.0.0.5:8443/proxy/cam1/ISAPI/Event/notification/alertStream")]
    public void Endpoint_OneFormPerDevice(string url, string alertStream)
    {
        var endpoint = DeviceEndpoint.From(new EventSourceDefinition("hikvision", url, new Credentials("admin", "secret")), new Credentials("admin", "secret"));

        endpoint.AlertStreamUri.ToString().Should().Be(alertStream);
        endpoint.ToString().Should().NotContain("secret");
    }

    [Theory]
    [InlineData("multipart/mixed; boundary=boundary", "boundary")]
    [InlineData("multipart/mixed;boundary=\"MIME_boundary\"", "MIME_boundary")]
    [InlineData("Multipart/Mixed; charset=utf-8; Boundary=abc", "abc")]
    [InlineData("multipart/x-mixed-replace; boundary=frame", "frame")]
    [InlineData("application/xml", null)]
    [InlineData("multipart/mixed", null)]
    [InlineData("multipart/mixed; boundary=", null)]
    public void BoundaryOf_ContentTypes(string contentType, string? boundary) => DeviceHttp.BoundaryOf(contentType).Should().Be(boundary);

    private static CameraDefinition Create(string events) =>
        CameraRequestValidator.ParseCreate(Encoding.UTF8.GetBytes(Camera.Replace("EVENTS", events, StringComparison.Ordinal))).GetValueOrThrow();
}
