using System.Net;
using System.Text.Json;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Server.Tests.Api.Alarms;

public sealed class AlarmEndpointsTests(SignalsNode node) : IClassFixture<SignalsNode>
{
    private static Uri Alarms(string camera) => new($"/api/v1/cameras/{camera}/alarms", UriKind.Relative);

    [Fact]
    public async Task Post_ActiveThenRepeatedThenInactive_RecordsOncePerChangeAndDrivesMotion()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var first = await client.PostAsync(Alarms(camera), SignalsNode.Json("""{"type": "Motion", "state": "active"}"""));
        using var repeat = await client.PostAsync(Alarms(camera), SignalsNode.Json("""{"type": "Motion", "state": "active"}"""));
        using var end = await client.PostAsync(Alarms(camera), SignalsNode.Json("""{"type": "Motion", "state": "inactive"}"""));

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        using (var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync()))
        {
            json.RootElement.GetProperty("outcome").GetString().Should().Be("recorded");
            json.RootElement.GetProperty("motion").GetBoolean().Should().BeTrue();
            json.RootElement.GetProperty("camera").GetString().Should().Be(camera);
            json.RootElement.GetProperty("state").GetString().Should().Be("active");
        }

        repeat.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await repeat.Content.ReadAsStringAsync()).Should().Contain("\"outcome\":\"duplicate\"");
        end.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var events = await node.EventsAsync("signals/" + camera);
        events.Should().HaveCount(4);
        events[0].Should().Be(new CameraAlarm(new CameraId(camera), "Motion", AlarmState.Active, SignalsNode.T0, "api", IsMotion: true));
        events[1].Should().BeOfType<MotionStarted>();
        events[3].Should().BeOfType<MotionStopped>().Which.Reason.Should().Be(MotionStopReason.Stopped);
    }

    [Fact]
    public async Task Post_OtherType_IsAnAlarmWithoutMotion()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var response = await client.PostAsync(Alarms(camera), SignalsNode.Json("""{"type": "door.open-2", "state": "pulse"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await node.EventsAsync("signals/" + camera)).Should().ContainSingle()
            .Which.Should().Be(new CameraAlarm(new CameraId(camera), "door.open-2", AlarmState.Pulse, SignalsNode.T0, "api", IsMotion: false));
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("[]", "$")]
    [InlineData("""{"type": "motion"}""", "state")]
    [InlineData("""{"state": "active"}""", "type")]
    [InlineData("""{"type": "motion", "state": "ACTIVE"}""", "state")]
    [InlineData("""{"type": "motion", "state": 1}""", "state")]
    [InlineData("""{"type": "mo tion", "state": "active"}""", "type")]
    [InlineData("""{"type": "", "state": "active"}""", "type")]
    [InlineData("""{"type": "motion/x", "state": "active"}""", "type")]
    [InlineData("""{"type": "motion", "state": "active", "at": 5}""", "at")]
    [InlineData("""{"type": "motion", "type": "motion", "state": "active"}""", "type")]
    [InlineData("""{"type": null, "state": "active"}""", "type")]
    public async Task Post_BadBody_Is400NamingTheFieldAndJournalsNothing(string body, string field)
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var response = await client.PostAsync(Alarms(camera), SignalsNode.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(json.RootElement.ToString());
        (await node.EventsAsync("signals/" + camera)).Should().BeEmpty();
    }

    [Fact]
    public async Task Post_TypeOf65Characters_Is400()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var response = await client.PostAsync(Alarms(camera), SignalsNode.Json($$"""{"type": "{{new string('a', 65)}}", "state": "active"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_NotJsonContentType_Is415()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var response = await client.PostAsync(Alarms(camera), new StringContent("type=motion&state=active"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_UnknownOrInvalidCamera_Is404Or400()
    {
        using var client = node.Client(node.OperatorKey);

        using var unknown = await client.PostAsync(Alarms("nowhere"), SignalsNode.Json("""{"type": "motion", "state": "active"}"""));
        using var invalid = await client.PostAsync(Alarms("Not_Valid!"), SignalsNode.Json("""{"type": "motion", "state": "active"}"""));

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await node.EventsAsync("signals/nowhere")).Should().BeEmpty();
    }

    [Fact]
    public async Task Post_ByRole_ViewersAreForbiddenAndAnonymousUnauthorized()
    {
        var camera = await node.AddCameraAsync();
        using var viewer = node.Client(node.ViewerKey);
        using var anonymous = node.Client(null);
        using var admin = node.Client(SignalsNodeKeys.Admin);

        using var forbidden = await viewer.PostAsync(Alarms(camera), SignalsNode.Json("""{"type": "motion", "state": "pulse"}"""));
        using var unauthorized = await anonymous.PostAsync(Alarms(camera), SignalsNode.Json("""{"type": "motion", "state": "pulse"}"""));
        using var allowed = await admin.PostAsync(Alarms(camera), SignalsNode.Json("""{"type": "motion", "state": "pulse"}"""));

        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        allowed.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await node.EventsAsync("signals/" + camera)).OfType<CameraAlarm>().Should().ContainSingle();
    }
}
