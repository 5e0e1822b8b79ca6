using System.Net;
using System.Text;
using System.Text.Json;
using Nightjar.Server.Tests.Api.Alarms;

namespace Nightjar.Server.Tests.Api.Locks;

public sealed class LockEndpointsTests(SignalsNode node) : IClassFixture<SignalsNode>
{
    private const string ValidBody = """{"from": "2026-11-21T06:00:00Z", "to": "2026-11-21T07:00:00Z", "until": "2026-12-21T00:00:00Z", "reason": "incident 42"}""";

    private static Uri Locks(string camera) => new($"/api/v1/cameras/{camera}/locks", UriKind.Relative);

    private static Uri Lock(string camera, string id) => new($"/api/v1/cameras/{camera}/locks/{id}", UriKind.Relative);

    [Fact]
    public async Task PostListDelete_ALock_IsPlacedListedAndReleased()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var created = await client.PostAsync(Locks(camera), SignalsNode.Json(ValidBody));
        var createdBody = await created.Content.ReadAsStringAsync();
        created.StatusCode.Should().Be(HttpStatusCode.Created, createdBody);
        using var json = JsonDocument.Parse(createdBody);
        var root = json.RootElement;
        var id = root.GetProperty("id").GetString()!;
        id.Should().HaveLength(26);
        created.Headers.Location!.ToString().Should().Be($"/api/v1/cameras/{camera}/locks/{id}");
        root.GetProperty("from").GetString().Should().Be("2026-11-21T06:00:00Z");
        root.GetProperty("to").GetString().Should().Be("2026-11-21T07:00:00Z");
        root.GetProperty("until").GetString().Should().Be("2026-12-21T00:00:00Z");
        root.GetProperty("reason").GetString().Should().Be("incident 42");
        root.GetProperty("by").GetString().Should().Be("door controller");
        root.GetProperty("at").GetString().Should().Be("2026-11-21T08:00:00Z");
        root.GetProperty("inForce").GetBoolean().Should().BeTrue();

        using var viewer = node.Client(node.ViewerKey);
        var listed = await viewer.GetStringAsync(Locks(camera));
        listed.Should().Contain(id);

        using var released = await client.DeleteAsync(Lock(camera, id));
        using var again = await client.DeleteAsync(Lock(camera, id));
        released.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await viewer.GetStringAsync(Locks(camera))).Should().Be("[]");
        (await node.EventsAsync("locks/" + camera)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Post_UntilNullOrAbsentAndOffsets_LocksIndefinitelyInUtc()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var nullUntil = await client.PostAsync(Locks(camera), SignalsNode.Json("""{"from": "2026-11-21T07:00:00+01:00", "to": "2026-11-21T06:30:00.250Z", "until": null, "reason": "r"}"""));
        using var noUntil = await client.PostAsync(Locks(camera), SignalsNode.Json("""{"from": "2026-11-21T06:00:00Z", "to": "2026-11-21T07:00:00Z", "reason": "r"}"""));

        nullUntil.StatusCode.Should().Be(HttpStatusCode.Created);
        noUntil.StatusCode.Should().Be(HttpStatusCode.Created);
        using var json = JsonDocument.Parse(await nullUntil.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("from").GetString().Should().Be("2026-11-21T06:00:00Z");
        json.RootElement.GetProperty("to").GetString().Should().Be("2026-11-21T06:30:00.25Z");
        json.RootElement.GetProperty("until").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("""{"from": 1795219200, "to": "2026-11-21T07:00:00Z", "reason": "r"}""", "from")]
    [InlineData("""{"from": "1795219200", "to": "2026-11-21T07:00:00Z", "reason": "r"}""", "from")]
    [InlineData("""{"from": "2026-11-21T06:00:00", "to": "2026-11-21T07:00:00Z", "reason": "r"}""", "from")]
    [InlineData("""{"from": "2026-11-21", "to": "2026-11-21T07:00:00Z", "reason": "r"}""", "from")]
    [InlineData("""{"from": "2026-13-21T06:00:00Z", "to": "2026-11-21T07:00:00Z", "reason": "r"}""", "from")]
    [InlineData("""{"to": "2026-11-21T07:00:00Z", "reason": "r"}""", "from")]
    [InlineData("""{"from": "2026-11-21T06:00:00Z", "reason": "r"}""", "to")]
    [InlineData("""{"from": "2026-11-21T06:00:00Z", "to": "2026-11-21T07:00:00Z"}""", "reason")]
    [InlineData("""{"from": "2026-11-21T06:00:00Z", "to": "2026-11-21T07:00:00Z", "reason": 5}""", "reason")]
    [InlineData("""{"from": "2026-11-21T06:00:00Z", "to": "2026-11-21T07:00:00Z", "until": 5, "reason": "r"}""", "until")]
    [InlineData("""{"from": "2026-11-21T06:00:00Z", "to": "2026-11-21T07:00:00Z", "reason": "r", "camera": "x"}""", "camera")]
    public async Task Post_UnreadableBody_Is400NamingTheFieldAndJournalsNothing(string body, string field)
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var response = await client.PostAsync(Locks(camera), SignalsNode.Json(body));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(text);
        (await node.EventsAsync("locks/" + camera)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"from": "2026-11-21T07:00:00Z", "to": "2026-11-21T06:00:00Z", "reason": "r"}""", "to")]
    [InlineData("""{"from": "2025-01-01T00:00:00Z", "to": "2026-11-21T06:00:00Z", "reason": "r"}""", "to")]
    [InlineData("""{"from": "2026-11-21T06:00:00Z", "to": "2026-11-21T07:00:00Z", "until": "2026-11-21T07:59:59Z", "reason": "r"}""", "until")]
    [InlineData("""{"from": "2026-11-21T06:00:00Z", "to": "2026-11-21T07:00:00Z", "reason": ""}""", "reason")]
    public async Task Post_RuleBroken_Is422AndJournalsNothing(string body, string field)
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        using var response = await client.PostAsync(Locks(camera), SignalsNode.Json(body));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, text);
        text.Should().Contain($"\"{field}\"");
        (await node.EventsAsync("locks/" + camera)).Should().BeEmpty();
    }

    [Fact]
    public async Task Locks_ByRole_ViewersListOnlyAndAnonymousIsUnauthorized()
    {
        var camera = await node.AddCameraAsync();
        using var viewer = node.Client(node.ViewerKey);
        using var anonymous = node.Client(null);
        using var admin = node.Client(SignalsNodeKeys.Admin);
        using var placed = await admin.PostAsync(Locks(camera), SignalsNode.Json(ValidBody));
        var id = JsonDocument.Parse(await placed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        (await viewer.PostAsync(Locks(camera), SignalsNode.Json(ValidBody))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.DeleteAsync(Lock(camera, id))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewer.GetAsync(Locks(camera))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync(Locks(camera))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync(Locks(camera), SignalsNode.Json(ValidBody))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        placed.StatusCode.Should().Be(HttpStatusCode.Created);
        (await node.EventsAsync("locks/" + camera)).Should().ContainSingle();
    }

    [Fact]
    public async Task Locks_UnknownCameraOrMalformedLockId_AreClearErrors()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);

        (await client.PostAsync(Locks("nowhere"), SignalsNode.Json(ValidBody))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync(Locks("nowhere"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.DeleteAsync(Lock("nowhere", "01ARZ3NDEKTSV4RRFFQ69G5FAV"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.DeleteAsync(Lock(camera, "not-a-lock"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.DeleteAsync(Lock(camera, "01ARZ3NDEKTSV4RRFFQ69G5FAV"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync(Locks("BAD!"))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await node.EventsAsync("locks/nowhere")).Should().BeEmpty();
    }

    [Fact]
    public async Task List_ExpiredLock_IsMarkedNotInForce()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);
        var until = node.Time.GetUtcNow().AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        (await client.PostAsync(Locks(camera), SignalsNode.Json($$"""{"from": "2026-11-21T06:00:00Z", "to": "2026-11-21T07:00:00Z", "until": "{{until}}", "reason": "short"}"""))).StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await client.GetStringAsync(Locks(camera));

        node.Time.Advance(TimeSpan.FromMinutes(10));
        var after = await client.GetStringAsync(Locks(camera));

        before.Should().Contain("\"inForce\":true");
        after.Should().Contain("\"inForce\":false");
    }

    [Fact]
    public async Task Post_RandomAndTruncatedBodies_AreRefusedCleanlyAndJournalNothing()
    {
        var camera = await node.AddCameraAsync();
        using var client = node.Client(node.OperatorKey);
        var random = new Random(5);
        var bodies = new List<string>();
        for (var i = 0; i < ValidBody.Length; i += 3)
        {
            bodies.Add(ValidBody[..i]);
        }

        const string alphabet = "{}[]\":,-+.0123456789TZeE nulltruefromtountilreason\\u00";
        for (var i = 0; i < 80; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 120);
            for (var j = 0; j < length; j++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            bodies.Add(builder.ToString());
        }

        bodies.Add("{\"reason\": \"" + new string('x', 20_000) + "\"}");
        foreach (var body in bodies)
        {
            using var response = await client.PostAsync(Locks(camera), SignalsNode.Json(body));
            ((int)response.StatusCode).Should().BeOneOf([400, 413, 422], body.Length > 200 ? body[..200] : body);
        }

        (await node.EventsAsync("locks/" + camera)).Should().BeEmpty();
    }
}
