using System.Text.Json;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Cameras.Api;

public sealed class CameraResponseTests
{
    [Fact]
    public void From_NeverContainsAPasswordInEitherForm()
    {
        var plain = Samples.Camera();
        var stored = plain.ProtectCredentials(Protectors.Create());

        foreach (var camera in new[] { plain, stored })
        {
            var json = JsonSerializer.Serialize(CameraResponse.From(camera));

            json.Should().NotContain(Samples.StreamPassword).And.NotContain(Samples.EventPassword);
            json.Should().NotContain(stored.PrimaryStream.Credentials!.Password).And.NotContain(stored.Events!.Credentials!.Password);
            json.Should().NotContain("\"password\"");
        }
    }

    [Fact]
    public void From_HasTheRequestShapeWithCanonicalValues()
    {
        var json = JsonSerializer.Serialize(CameraResponse.From(Samples.Camera()));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        root.GetProperty("id").GetString().Should().Be("lobby");
        var main = root.GetProperty("streams")[0];
        main.GetProperty("url").GetString().Should().Be("rtsp://10.0.0.5/stream1");
        main.GetProperty("username").GetString().Should().Be("user");
        main.GetProperty("passwordSet").GetBoolean().Should().BeTrue();
        main.GetProperty("expectedBitrateKbps").GetInt32().Should().Be(1000);
        var sub = root.GetProperty("streams")[1];
        sub.TryGetProperty("username", out _).Should().BeFalse();
        sub.GetProperty("passwordSet").GetBoolean().Should().BeFalse();
        sub.GetProperty("record").GetBoolean().Should().BeFalse();
        root.GetProperty("dvr").GetRawText().Should().Be("""{"depth":"7d","motionDepth":"30d","space":"100GB","preAlarm":"10s","postAlarm":"30s"}""");
        root.GetProperty("events").GetProperty("kind").GetString().Should().Be("hikvision");
        root.GetProperty("labels").GetProperty("site").GetString().Should().Be("paris");
        root.GetProperty("audio").GetString().Should().Be("copy");
        root.GetProperty("enabled").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void From_LeavesOutAbsentOptionalBlocks()
    {
        var camera = Samples.Camera() with { Events = null, Dvr = Nightjar.Recording.Policies.DvrPolicy.Default };

        var json = JsonSerializer.Serialize(CameraResponse.From(camera));

        json.Should().NotContain("\"events\"").And.Contain("""
            "dvr":{"depth":"unlimited","preAlarm":"10s","postAlarm":"30s"}
            """);
    }

    [Fact]
    public void From_MasksSecretQueryParameters()
    {
        var camera = Samples.Camera() with { Streams = [new StreamDefinition("main", "rtsp://h/live?password=Sup3r", null, null)] };

        JsonSerializer.Serialize(CameraResponse.From(camera)).Should().NotContain("Sup3r");
    }
}
