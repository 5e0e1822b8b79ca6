using System.Net;
using System.Text.Json;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Api.Events;

/// <summary><c>GET /api/v1/events</c> on an in-process node: paging, filters, 400s, roles, and no secret in any event.</summary>
public sealed class EventEndpointsTests(EventEndpointsTests.NodeFixture fixture) : IClassFixture<EventEndpointsTests.NodeFixture>
{
    private readonly TestNode _node = fixture.Node;

    [Fact]
    public async Task List_Pages_GiveEveryEventOnceInOrderWithNext()
    {
        var ids = new List<string>();
        var types = new List<string>();
        var after = string.Empty;
        for (var i = 0; i < 10; i++)
        {
            using var page = await GetJsonAsync($"/api/v1/events?types=camera_added,camera_removed&limit=2{(after.Length > 0 ? "&after=" + after : string.Empty)}");
            var events = page.RootElement.GetProperty("events").EnumerateArray().ToList();
            ids.AddRange(events.Select(e => e.GetProperty("id").GetString()!));
            types.AddRange(events.Select(e => e.GetProperty("type").GetString()!));
            after = page.RootElement.GetProperty("next").GetString()!;
            if (events.Count == 0)
            {
                break;
            }
        }

        types.Should().Equal("camera_added", "camera_added", "camera_added", "camera_added", "camera_added", "camera_removed");
        ids.Should().OnlyHaveUniqueItems();
        after.Should().Be(ids[^1]);
    }

    [Fact]
    public async Task List_Event_HasTheDocumentedShapeAndNoSecret()
    {
        using var response = await _node.Client.GetAsync(EventsNode.Events);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().NotContain("StreamPa55word").And.NotContain("EventPa55word").And.NotContain("UrlT0ken").And.NotContain(TestNode.AdminKey);
        body.Should().NotContain("apikey", "key events are never published");
        using var json = JsonDocument.Parse(body);
        var first = json.RootElement.GetProperty("events")[0];
        first.EnumerateObject().Select(p => p.Name).Should().Equal("id", "time", "camera", "type", "payload");
        first.GetProperty("camera").GetString().Should().Be("cam1");
        first.GetProperty("time").GetString().Should().EndWith("Z");
        var camera = first.GetProperty("payload").GetProperty("camera");
        camera.GetProperty("streams")[0].GetProperty("url").GetString().Should().Be("rtsp://127.0.0.1:1/cam1?token=***");
        camera.GetProperty("streams")[0].GetProperty("passwordSet").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task List_Filters_ByTypesAndCamera()
    {
        using var removed = await GetJsonAsync("/api/v1/events?types=camera_removed");
        removed.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("camera").GetString()).Should().Equal("cam5");

        using var two = await GetJsonAsync("/api/v1/events?camera=cam2,cam3&types=camera_added,camera_updated");
        two.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("camera").GetString()).Should().Equal("cam2", "cam3");

        using var none = await GetJsonAsync("/api/v1/events?camera=nosuchcamera");
        none.RootElement.GetProperty("events").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("after=banana", "after")]
    [InlineData("after=0-01", "after")]
    [InlineData("after=1-2&after=3-4", "after")]
    [InlineData("types=camera_added,teleported", "types")]
    [InlineData("camera=Not%20A%20Camera", "camera")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-1", "limit")]
    public async Task List_BadQuery_Is400NamingTheParameter(string query, string field)
    {
        using var response = await _node.Client.GetAsync(new Uri("/api/v1/events?" + query, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(body);
    }

    [Fact]
    public async Task Roles_ViewerReadsEvents_NoKeyIs401_ViewerAndOperatorCannotManageSinks()
    {
        var viewerKey = await EventsNode.CreateKeyAsync(_node.Client, "viewer");
        var operatorKey = await EventsNode.CreateKeyAsync(_node.Client, "operator");
        using var viewer = EventsNode.ClientWithKey(_node, viewerKey);
        using var @operator = EventsNode.ClientWithKey(_node, operatorKey);
        using var anonymous = EventsNode.ClientWithKey(_node, null);
        var sinks = new Uri("/api/v1/event-sinks", UriKind.Relative);

        (await viewer.GetAsync(EventsNode.Events)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync(EventsNode.Events)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync(EventsNode.Stream)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await viewer.GetAsync(sinks)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await @operator.GetAsync(sinks)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _node.Client.GetAsync(sinks)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Stream_WithoutAcceptingEventStream_Is406_AndBadLastEventIdIs400()
    {
        using var plain = await _node.Client.GetAsync(EventsNode.Stream);
        plain.StatusCode.Should().Be(HttpStatusCode.NotAcceptable);

        using var request = new HttpRequestMessage(HttpMethod.Get, EventsNode.Stream);
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("Last-Event-ID", "not-an-id");
        using var bad = await _node.Client.SendAsync(request);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("Last-Event-ID");
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var response = await _node.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body);
    }

    /// <summary>One node for the class, with five cameras added and the last one removed; the tests only read.</summary>
    public sealed class NodeFixture : IAsyncLifetime
    {
        internal TestNode Node { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Node = await TestNode.StartAsync();
            foreach (var id in new[] { "cam1", "cam2", "cam3", "cam4", "cam5" })
            {
                await EventsNode.AddCameraAsync(Node.Client, id);
            }

            using var removed = await Node.Client.DeleteAsync(new Uri("/api/v1/cameras/cam5", UriKind.Relative));
            removed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        public async Task DisposeAsync() => await Node.DisposeAsync();
    }
}
