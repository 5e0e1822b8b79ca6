using System.Net;
using System.Text;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Server.Api.Alarms;

namespace Nightjar.Server.Tests.Api.Alarms;

public sealed class TriggerEndpointsTests(SignalsNode node) : IClassFixture<SignalsNode>
{
    private static Uri Trigger(string query) => new("/api/v1.1/cameras/alarms/trigger?" + query, UriKind.Relative);

    [Fact]
    public async Task Get_WithBearerKey_IsAMomentaryMotionAlarm()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var response = await client.GetAsync(Trigger($"cameraId={camera}&type=motion"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = new CameraId(camera);
        (await node.EventsAsync("signals/" + camera)).Should().Equal(
            new CameraAlarm(id, "motion", AlarmState.Pulse, SignalsNode.T0, "trigger", IsMotion: true),
            new MotionStarted(id, SignalsNode.T0, "trigger", "motion"),
            new MotionStopped(id, SignalsNode.T0, SignalsNode.T0, MotionStopReason.Momentary));
    }

    [Fact]
    public async Task Post_WithoutType_DefaultsToMotion()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var response = await client.PostAsync(Trigger($"cameraId={camera}"), content: null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await node.EventsAsync("signals/" + camera)).OfType<CameraAlarm>().Should().ContainSingle().Which.Type.Should().Be("motion");
    }

    [Fact]
    public async Task Get_BasicAuthWithOperatorKeyAsPassword_IsAccepted()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.BasicClient("camera-7", node.OperatorKey);

        using var response = await client.GetAsync(Trigger($"cameraId={camera}&type=door"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await node.EventsAsync("signals/" + camera)).Should().ContainSingle()
            .Which.Should().BeOfType<CameraAlarm>().Which.IsMotion.Should().BeFalse();
    }

    [Fact]
    public async Task Get_BasicAuthWithViewerKey_IsForbidden()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.BasicClient("screen", node.ViewerKey);

        using var response = await client.GetAsync(Trigger($"cameraId={camera}"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await node.EventsAsync("signals/" + camera)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Basic d3Jvbmc6bm90LWEta2V5")]
    [InlineData("Basic !!!notbase64")]
    [InlineData("Basic bm9jb2xvbg==")]
    [InlineData("Basic ")]
    [InlineData(null)]
    public async Task Get_BadOrMissingCredentials_Is401OfferingBasicAndBearer(string? authorization)
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, Trigger($"cameraId={camera}"));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain(["Bearer", "Basic"]);
        (await node.EventsAsync("signals/" + camera)).Should().BeEmpty();
    }

    [Fact]
    public async Task BasicAuth_OnAnyOtherRoute_IsNotAccepted()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.BasicClient("admin", SignalsNodeKeys.Admin);

        using var cameras = await client.GetAsync(new Uri("/api/v1/cameras", UriKind.Relative));
        using var alarms = await client.PostAsync(new Uri($"/api/v1/cameras/{camera}/alarms", UriKind.Relative), SignalsNode.Json("""{"type": "motion", "state": "pulse"}"""));

        cameras.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        alarms.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        cameras.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().NotContain("Basic");
    }

    [Theory]
    [InlineData("key")]
    [InlineData("token")]
    [InlineData("apikey")]
    public async Task Get_KeyInTheQuery_Is400EvenWhenAuthenticated(string name)
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var response = await client.GetAsync(Trigger($"cameraId={camera}&{name}={node.OperatorKey}"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain(name).And.NotContain(node.OperatorKey);
        (await node.EventsAsync("signals/" + camera)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("type=motion", HttpStatusCode.BadRequest)]
    [InlineData("cameraId=", HttpStatusCode.BadRequest)]
    [InlineData("cameraId=UPPER", HttpStatusCode.BadRequest)]
    [InlineData("cameraId=a&cameraId=b", HttpStatusCode.BadRequest)]
    [InlineData("cameraId=nowhere", HttpStatusCode.NotFound)]
    [InlineData("cameraId=nowhere&type=bad%20type", HttpStatusCode.BadRequest)]
    [InlineData("cameraId=nowhere&type=a&type=b", HttpStatusCode.BadRequest)]
    public async Task Get_BadQuery_IsAClearError(string query, HttpStatusCode expected)
    {
        using var client = node.Client(node.OperatorKey);

        using var response = await client.GetAsync(Trigger(query));

        response.StatusCode.Should().Be(expected);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Get_RandomQueries_NeverFailWithA5xx()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);
        var random = new Random(7);
        const string alphabet = "cameraIdtype=&%20-_.!~*'()[]{}\\\"<>;:,/?#@+$\u00e9";
        for (var i = 0; i < 150; i++)
        {
            var length = random.Next(0, 60);
            var query = new StringBuilder(i % 3 == 0 ? $"cameraId={camera}&type=" : "");
            for (var j = 0; j < length; j++)
            {
                query.Append(alphabet[random.Next(alphabet.Length)]);
            }

            using var response = await client.GetAsync(new Uri("/api/v1.1/cameras/alarms/trigger?" + Uri.EscapeDataString(query.ToString()).Replace("%3D", "=", StringComparison.Ordinal).Replace("%26", "&", StringComparison.Ordinal), UriKind.Relative));

            ((int)response.StatusCode).Should().BeOneOf([202, 400, 404], query.ToString());
        }
    }

    [Fact]
    public void TryGetPassword_RandomAndTruncatedInput_NeverThrows()
    {
        var random = new Random(11);
        var valid = Convert.ToBase64String(Encoding.UTF8.GetBytes("user:nj_0123456789abcdef"));
        TriggerBasicAuthentication.TryGetPassword(valid, out var password).Should().BeTrue();
        password.Should().Be("nj_0123456789abcdef");
        for (var i = 0; i <= valid.Length; i++)
        {
            _ = TriggerBasicAuthentication.TryGetPassword(valid.AsSpan(0, i), out _);
        }

        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            var text = random.Next(2) == 0 ? Convert.ToBase64String(bytes) : Encoding.Latin1.GetString(bytes);
            _ = TriggerBasicAuthentication.TryGetPassword(text, out _);
        }

        TriggerBasicAuthentication.TryGetPassword(new string('A', 100_000), out _).Should().BeFalse("oversized headers are refused before decoding");
    }
}
