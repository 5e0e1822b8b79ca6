using System.Net;
using System.Text;
using System.Text.Json;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Tests.Security.Support;

namespace Nightjar.Server.Tests.Api;

/// <summary>
/// <c>/api/v1/cameras</c> over the fake manager: CRUD and status happy paths, every kind of bad input answered with a
/// problem naming the field while nothing changes, and passwords that never come back.
/// </summary>
public sealed class CameraEndpointsTests(SecureNodeFixture fixture) : IClassFixture<SecureNodeFixture>, IDisposable
{
    internal const string Password = "Pl4nted-S3cret";

    private static readonly Uri Cameras = new("/api/v1/cameras", UriKind.Relative);

    private readonly SecureNode _node = fixture.Node;
    private readonly HttpClient _admin = fixture.Node.AdminClient();

    public void Dispose() => _admin.Dispose();

    internal static string Camera(string id, string url = $"rtsp://admin:{Password}@10.0.0.5/stream1", string extra = "") => $$"""
        {"id": "{{id}}", "name": "Camera {{id}}",
         "streams": [{"name": "main", "url": "{{url}}", "expectedBitrateKbps": 1000},
                     {"name": "sub", "url": "rtsp://10.0.0.5/stream2", "record": false}],
         "dvr": {"depth": "7d", "motionDepth": "30d", "space": "100GB"},
         "labels": {"floor": "1"}{{extra}}}
        """;

    [Fact]
    public async Task Create_Is201WithLocationAndNoPassword()
    {
        using var response = await _admin.PostAsync(Cameras, SecureNode.Json(Camera("create1")));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        response.Headers.Location!.ToString().Should().Be("/api/v1/cameras/create1");
        body.Should().NotContain(Password);
        using var json = JsonDocument.Parse(body);
        var main = json.RootElement.GetProperty("streams")[0];
        main.GetProperty("url").GetString().Should().Be("rtsp://10.0.0.5/stream1");
        main.GetProperty("username").GetString().Should().Be("admin");
        main.GetProperty("passwordSet").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("dvr").GetProperty("depth").GetString().Should().Be("7d");
        json.RootElement.GetProperty("streams")[1].GetProperty("record").GetBoolean().Should().BeFalse();
        _node.Cameras.Registry.Find(new CameraId("create1"))!.Streams[0].Credentials!.IsProtected.Should().BeTrue("passwords are stored encrypted");
    }

    [Fact]
    public async Task ListAndGet_ShowTheCameraWithoutPassword()
    {
        (await _admin.PostAsync(Cameras, SecureNode.Json(Camera("list1")))).StatusCode.Should().Be(HttpStatusCode.Created);

        var list = await (await _admin.GetAsync(Cameras)).Content.ReadAsStringAsync();
        using var one = await _admin.GetAsync(new Uri("/api/v1/cameras/list1", UriKind.Relative));
        var body = await one.Content.ReadAsStringAsync();

        one.StatusCode.Should().Be(HttpStatusCode.OK);
        list.Should().Contain("\"id\":\"list1\"").And.NotContain(Password);
        body.Should().Contain("\"name\":\"Camera list1\"").And.NotContain(Password);
        (await _admin.GetAsync(new Uri("/api/v1/cameras/nosuch", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replace_WithoutPassword_KeepsTheStoredOne()
    {
        (await _admin.PostAsync(Cameras, SecureNode.Json(Camera("put1")))).StatusCode.Should().Be(HttpStatusCode.Created);
        var stored = _node.Cameras.Registry.Find(new CameraId("put1"))!.Streams[0].Credentials!;
        var replacement = """
            {"name": "Renamed", "streams": [{"name": "main", "url": "rtsp://10.0.0.5/stream1", "username": "admin"}]}
            """;

        using var response = await _admin.PutAsync(new Uri("/api/v1/cameras/put1", UriKind.Relative), SecureNode.Json(replacement));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().Contain("\"name\":\"Renamed\"").And.Contain("\"passwordSet\":true");
        var camera = _node.Cameras.Registry.Find(new CameraId("put1"))!;
        camera.Streams.Should().ContainSingle();
        camera.Streams[0].Credentials.Should().Be(stored, "a write-only password is kept when the same user is named");
    }

    [Fact]
    public async Task Delete_Is204ThenGoneThen404()
    {
        (await _admin.PostAsync(Cameras, SecureNode.Json(Camera("del1")))).StatusCode.Should().Be(HttpStatusCode.Created);
        var uri = new Uri("/api/v1/cameras/del1", UriKind.Relative);

        (await _admin.DeleteAsync(uri)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await _admin.GetAsync(uri)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _admin.DeleteAsync(uri)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_HasLowerCaseStatesAndTheMaskedLastError()
    {
        (await _admin.PostAsync(Cameras, SecureNode.Json(Camera("status1")))).StatusCode.Should().Be(HttpStatusCode.Created);
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        _node.Cameras.SetStatus(new CameraStatus(new CameraId("status1"), true,
        [
            new StreamStatus("main", StreamState.Failed, null, at, 7, $"connection to rtsp://admin:{Password}@10.0.0.5/stream1 refused", "run-3", at),
            new StreamStatus("sub", StreamState.Reconnecting, 512.5, null, 1, null, null, null),
        ]));

        using var response = await _admin.GetAsync(new Uri("/api/v1/cameras/status1/status", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().NotContain(Password);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("camera").GetString().Should().Be("status1");
        var main = json.RootElement.GetProperty("streams")[0];
        main.GetProperty("state").GetString().Should().Be("failed");
        main.GetProperty("restarts").GetInt32().Should().Be(7);
        main.GetProperty("lastSegmentAt").GetDateTimeOffset().Should().Be(at);
        main.GetProperty("lastError").GetString().Should().Contain("rtsp://admin:***@10.0.0.5");
        json.RootElement.GetProperty("streams")[1].GetProperty("state").GetString().Should().Be("reconnecting");
        json.RootElement.GetProperty("streams")[1].GetProperty("bitrateKbps").GetDouble().Should().Be(512.5);
        (await _admin.GetAsync(new Uri("/api/v1/cameras/nosuch/status", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(", \"colour\": \"red\"", HttpStatusCode.BadRequest, "colour")]
    [InlineData(", \"enabled\": \"yes\"", HttpStatusCode.BadRequest, "enabled")]
    [InlineData(", \"audio\": \"loud\"", HttpStatusCode.UnprocessableEntity, "audio")]
    public async Task Create_BadField_IsProblemNamingItAndChangesNothing(string extra, HttpStatusCode status, string field) =>
        await AssertRejectedAsync(Camera("bad1", extra: extra), status, field);

    [Theory]
    [InlineData("http://10.0.0.5/stream1", "streams[0].url")]
    [InlineData("file:///etc/passwd", "streams[0].url")]
    [InlineData("not a url", "streams[0].url")]
    public async Task Create_UrlThatIsNotRtsp_Is422NamingTheStream(string url, string field) =>
        await AssertRejectedAsync(Camera("badurl", url: url), HttpStatusCode.UnprocessableEntity, field);

    [Theory]
    [InlineData("Bad Id!")]
    [InlineData("api")]
    [InlineData("UPPER")]
    public async Task Create_InvalidOrReservedId_Is422NamingId(string id) =>
        await AssertRejectedAsync(Camera(id), HttpStatusCode.UnprocessableEntity, "id");

    [Fact]
    public async Task Create_DuplicateStreamNames_Is422NamingTheSecond() =>
        await AssertRejectedAsync(
            """{"id": "dupstreams", "name": "D", "streams": [{"name": "main", "url": "rtsp://a/1"}, {"name": "main", "url": "rtsp://a/2"}]}""",
            HttpStatusCode.UnprocessableEntity,
            "streams[1].name");

    [Fact]
    public async Task Create_StreamBitrateOfWrongType_Is400NamingTheNestedField() =>
        await AssertRejectedAsync(
            """{"id": "types", "name": "T", "streams": [{"name": "main", "url": "rtsp://a/1", "expectedBitrateKbps": "fast"}]}""",
            HttpStatusCode.BadRequest,
            "streams[0].expectedBitrateKbps");

    [Theory]
    [InlineData("{\"id\": ")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Create_NotACameraDocument_Is400NamingTheBody(string body) =>
        await AssertRejectedAsync(body, HttpStatusCode.BadRequest, "$");

    [Fact]
    public async Task Create_Duplicate_Is409NamingIdAndKeepsTheFirst()
    {
        (await _admin.PostAsync(Cameras, SecureNode.Json(Camera("dup1")))).StatusCode.Should().Be(HttpStatusCode.Created);
        var first = _node.Cameras.Registry.Find(new CameraId("dup1"));

        await AssertRejectedAsync(Camera("dup1").Replace("Camera dup1", "Other", StringComparison.Ordinal), HttpStatusCode.Conflict, "id");

        _node.Cameras.Registry.Find(new CameraId("dup1")).Should().BeSameAs(first);
    }

    [Fact]
    public async Task Create_WrongContentType_Is415AndChangesNothing()
    {
        var before = _node.Cameras.Accepted.Count;
        using var content = new StringContent(Camera("ctype"), Encoding.UTF8, "text/plain");

        using var response = await _admin.PostAsync(Cameras, content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        _node.Cameras.Accepted.Count.Should().Be(before);
    }

    [Fact]
    public async Task Create_OversizedBody_Is413AndChangesNothing()
    {
        var before = _node.Cameras.Accepted.Count;
        var labels = string.Join(", ", Enumerable.Range(0, 2000).Select(i => $"\"k{i}\": \"{new string('v', 40)}\""));

        using var response = await _admin.PostAsync(Cameras, SecureNode.Json("""{"id": "big", "name": "B", "labels": {""" + labels + "}}"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        _node.Cameras.Accepted.Count.Should().Be(before);
    }

    [Theory]
    [InlineData("GET", "/api/v1/cameras/Bad!Id")]
    [InlineData("PUT", "/api/v1/cameras/Bad!Id")]
    [InlineData("DELETE", "/api/v1/cameras/Bad!Id")]
    [InlineData("GET", "/api/v1/cameras/health/status")]
    public async Task InvalidIdInUrl_Is400NamingId(string method, string path)
    {
        var before = _node.Cameras.Accepted.Count;
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "PUT" ? SecureNode.Json(Camera("x")) : null };

        var problem = await ProblemAsync(await _admin.SendAsync(request), HttpStatusCode.BadRequest);

        problem.GetProperty("errors").TryGetProperty("id", out _).Should().BeTrue(problem.ToString());
        _node.Cameras.Accepted.Count.Should().Be(before);
    }

    [Fact]
    public async Task Replace_BadInput_IsProblemAndKeepsTheCamera()
    {
        (await _admin.PostAsync(Cameras, SecureNode.Json(Camera("put2")))).StatusCode.Should().Be(HttpStatusCode.Created);
        var stored = _node.Cameras.Registry.Find(new CameraId("put2"));
        var uri = new Uri("/api/v1/cameras/put2", UriKind.Relative);

        (await ProblemAsync(await _admin.PutAsync(uri, SecureNode.Json(Camera("other"))), HttpStatusCode.UnprocessableEntity))
            .GetProperty("errors").TryGetProperty("id", out _).Should().BeTrue("the body's id must match the URL");
        (await ProblemAsync(await _admin.PutAsync(uri, SecureNode.Json("""{"name": "x", "streams": [], "extra": 1}""")), HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("extra", out _).Should().BeTrue();
        (await ProblemAsync(await _admin.PutAsync(uri, SecureNode.Json("""{"name": "x", "streams": []}""")), HttpStatusCode.UnprocessableEntity))
            .GetProperty("errors").TryGetProperty("streams", out _).Should().BeTrue();
        await ProblemAsync(await _admin.PutAsync(new Uri("/api/v1/cameras/absent", UriKind.Relative), SecureNode.Json(Camera("absent"))), HttpStatusCode.NotFound);

        _node.Cameras.Registry.Find(new CameraId("put2")).Should().BeSameAs(stored);
    }

    [Fact]
    public async Task Operator_ManagesCameras_ViewerOnlyReads()
    {
        var (_, operatorKey) = await _node.CreateKeyAsync("operator");
        var (_, viewerKey) = await _node.CreateKeyAsync("viewer");
        using var operatorClient = _node.ClientWithKey(operatorKey);
        using var viewer = _node.ClientWithKey(viewerKey);

        (await operatorClient.PostAsync(Cameras, SecureNode.Json(Camera("byoperator")))).StatusCode.Should().Be(HttpStatusCode.Created);
        var denied = await ProblemAsync(await viewer.PostAsync(Cameras, SecureNode.Json(Camera("byviewer"))), HttpStatusCode.Forbidden);

        denied.GetProperty("detail").GetString().Should().Contain("ManageCameras");
        (await viewer.GetAsync(new Uri("/api/v1/cameras/byoperator", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        _node.Cameras.Registry.Contains(new CameraId("byviewer")).Should().BeFalse();
    }

    [Fact]
    public async Task PlantedPassword_NeverAppearsInAnyResponseOrLog()
    {
        var bodies = new List<string>();
        async Task Collect(Task<HttpResponseMessage> request)
        {
            using var response = await request;
            bodies.Add(await response.Content.ReadAsStringAsync());
            bodies.Add(response.Headers.ToString());
        }

        await Collect(_admin.PostAsync(Cameras, SecureNode.Json(Camera("secret1"))));
        await Collect(_admin.PostAsync(Cameras, SecureNode.Json(Camera("secret1"))));
        await Collect(_admin.PostAsync(Cameras, SecureNode.Json(Camera("secret2", url: $"http://admin:{Password}@10.0.0.5/x"))));
        await Collect(_admin.PostAsync(Cameras, SecureNode.Json(Camera("secret3", extra: $", \"bogus\": \"{Password}\""))));
        await Collect(_admin.PostAsync(Cameras, SecureNode.Json(Camera("secret4", extra: $", \"enabled\": \"{Password}\""))));
        await Collect(_admin.PutAsync(new Uri("/api/v1/cameras/secret1", UriKind.Relative), SecureNode.Json(Camera("secret1"))));
        await Collect(_admin.GetAsync(Cameras));
        await Collect(_admin.GetAsync(new Uri("/api/v1/cameras/secret1", UriKind.Relative)));
        await Collect(_admin.GetAsync(new Uri("/api/v1/cameras/secret1/status", UriKind.Relative)));

        bodies.Should().NotContain(b => b.Contains(Password, StringComparison.Ordinal));
        _node.Logs.AllText.Should().NotContain(Password).And.NotContain(SecureNode.AdminKey);
        _node.Cameras.Registry.Find(new CameraId("secret1")).Should().NotBeNull();
    }

    private async Task AssertRejectedAsync(string body, HttpStatusCode status, string field)
    {
        var accepted = _node.Cameras.Accepted.Count;
        var version = _node.Cameras.Registry.Version;

        var problem = await ProblemAsync(await _admin.PostAsync(Cameras, SecureNode.Json(body)), status);

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue($"the problem names '{field}': {problem}");
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
        _node.Cameras.Accepted.Count.Should().Be(accepted);
        _node.Cameras.Registry.Version.Should().Be(version);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(status, body);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
