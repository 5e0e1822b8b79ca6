using System.Net;
using System.Text;
using System.Text.Json;
using Nightjar.Recording.Access;
using Nightjar.Server.Tests.Security.Support;

namespace Nightjar.Server.Tests.Api;

/// <summary><c>/api/v1/keys</c>: create (shown once), list without secrets, revoke, and every bad input changing nothing.</summary>
public sealed class KeyEndpointsTests(SecureNodeFixture fixture) : IClassFixture<SecureNodeFixture>, IDisposable
{
    private static readonly Uri Keys = new("/api/v1/keys", UriKind.Relative);
    private static readonly Uri Cameras = new("/api/v1/cameras", UriKind.Relative);

    private readonly SecureNode _node = fixture.Node;
    private readonly HttpClient _admin = fixture.Node.AdminClient();

    public void Dispose() => _admin.Dispose();

    [Fact]
    public async Task Create_ViewerKey_Is201WithKeyShownOnceAndUsableRightAway()
    {
        using var content = SecureNode.Json("""{"name": "lobby screen", "role": "viewer"}""");
        using var response = await _admin.PostAsync(Keys, content);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the body holds a key");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var id = root.GetProperty("id").GetString()!;
        var key = root.GetProperty("key").GetString()!;
        key.Should().MatchRegex("^nj_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$").And.Contain(id);
        root.GetProperty("name").GetString().Should().Be("lobby screen");
        root.GetProperty("role").GetString().Should().Be("viewer");
        root.GetProperty("createdAt").GetDateTimeOffset().Should().BeAfter(DateTimeOffset.UnixEpoch);
        response.Headers.Location!.ToString().Should().Be("/api/v1/keys/" + id);

        using var viewer = _node.ClientWithKey(key);
        (await viewer.GetAsync(Cameras)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await viewer.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "viewers do not manage keys");
    }

    [Fact]
    public async Task List_NeverHoldsKeysOrHashes()
    {
        var (id, key) = await _node.CreateKeyAsync("operator", "nvr");

        using var response = await _admin.GetAsync(Keys);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain(id).And.Contain("\"role\":\"operator\"").And.NotContain(key).And.NotContain(SecureNode.AdminKey);
        body.Should().NotContain(ApiKeys.Hash(key)).And.NotContainAny("secretHash", "\"key\"");
        using var json = JsonDocument.Parse(body);
        json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).Should().Contain(id);
    }

    [Fact]
    public async Task Revoke_Is204AndTheKeyNeverAuthenticatesAgain()
    {
        var (id, key) = await _node.CreateKeyAsync("operator");
        using var revokedClient = _node.ClientWithKey(key);
        (await revokedClient.GetAsync(Cameras)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var revoke = await _admin.DeleteAsync(new Uri("/api/v1/keys/" + id, UriKind.Relative));
        revoke.StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await revokedClient.GetAsync(Cameras)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var listed = await _admin.GetAsync(new Uri("/api/v1/keys/" + id, UriKind.Relative));
        (await listed.Content.ReadAsStringAsync()).Should().Contain("revokedAt");
        var again = await ProblemAsync(await _admin.DeleteAsync(new Uri("/api/v1/keys/" + id, UriKind.Relative)), HttpStatusCode.Conflict);
        again.GetProperty("errors").GetProperty("id")[0].GetString().Should().Contain("already revoked");
    }

    [Fact]
    public async Task Revoke_LastAdminKey_Is409AndTheKeyStillWorks()
    {
        var admin = _node.Keys.Current.Keys.Single(k => k.Role == Role.Admin && !k.IsRevoked);
        var before = await _node.KeyJournalSequenceAsync();

        var problem = await ProblemAsync(await _admin.DeleteAsync(new Uri("/api/v1/keys/" + admin.Id, UriKind.Relative)), HttpStatusCode.Conflict);

        problem.GetProperty("errors").GetProperty("id")[0].GetString().Should().Contain("last active admin key");
        (await _node.KeyJournalSequenceAsync()).Should().Be(before);
        (await _admin.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoke_AnotherAdminFirst_ThenTheBootstrapKeyMayGo()
    {
        // Its own node: the shared one keeps its bootstrap key.
        await using var node = await SecureNode.StartAsync();
        using var bootstrapAdmin = node.AdminClient();
        var (_, second) = await node.CreateKeyAsync("admin", "second admin");
        var bootstrap = node.Keys.Current.Keys.Single(k => k.Name == ApiKeyBootstrap.KeyName);
        using var secondAdmin = node.ClientWithKey(second);

        (await secondAdmin.DeleteAsync(new Uri("/api/v1/keys/" + bootstrap.Id, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await bootstrapAdmin.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await secondAdmin.GetAsync(Keys)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("0123456789abcdef", HttpStatusCode.NotFound, null)]
    [InlineData("not-a-key-id", HttpStatusCode.BadRequest, "id")]
    [InlineData("0123456789ABCDEF", HttpStatusCode.BadRequest, "id")]
    public async Task Revoke_UnknownOrInvalidId_IsAnErrorAndChangesNothing(string id, HttpStatusCode status, string? field)
    {
        var before = await _node.KeyJournalSequenceAsync();

        var problem = await ProblemAsync(await _admin.DeleteAsync(new Uri("/api/v1/keys/" + id, UriKind.Relative)), status);

        if (field is not null)
        {
            problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
        }

        (await _node.KeyJournalSequenceAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("""{"name": "x", "role": "superuser"}""", HttpStatusCode.UnprocessableEntity, "role")]
    [InlineData("""{"name": "x", "role": "Admin"}""", HttpStatusCode.UnprocessableEntity, "role")]
    [InlineData("""{"role": "viewer"}""", HttpStatusCode.UnprocessableEntity, "name")]
    [InlineData("""{"name": "   ", "role": "viewer"}""", HttpStatusCode.UnprocessableEntity, "name")]
    [InlineData("""{"name": "x", "role": "viewer", "admin": true}""", HttpStatusCode.BadRequest, "admin")]
    [InlineData("""{"name": 42, "role": "viewer"}""", HttpStatusCode.BadRequest, "name")]
    [InlineData("""{"name": "x", "role": ["viewer"]}""", HttpStatusCode.BadRequest, "role")]
    [InlineData("""{"name": "x", "name": "y", "role": "viewer"}""", HttpStatusCode.BadRequest, "name")]
    [InlineData("""{"name": "x", "role": "viewer",}""", HttpStatusCode.BadRequest, "$")]
    [InlineData("""["viewer"]""", HttpStatusCode.BadRequest, "$")]
    [InlineData("not json", HttpStatusCode.BadRequest, "$")]
    [InlineData("", HttpStatusCode.BadRequest, "$")]
    public async Task Create_BadInput_IsProblemNamingTheFieldAndChangesNothing(string body, HttpStatusCode status, string field)
    {
        var before = await _node.KeyJournalSequenceAsync();
        var version = _node.Keys.Current.Version;

        using var content = SecureNode.Json(body);
        var problem = await ProblemAsync(await _admin.PostAsync(Keys, content), status);

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
        (await _node.KeyJournalSequenceAsync()).Should().Be(before);
        _node.Keys.Current.Version.Should().Be(version);
    }

    [Fact]
    public async Task Create_WrongContentType_Is415AndChangesNothing()
    {
        var before = await _node.KeyJournalSequenceAsync();
        using var content = new StringContent("""{"name": "x", "role": "viewer"}""", Encoding.UTF8, "text/plain");

        await ProblemAsync(await _admin.PostAsync(Keys, content), HttpStatusCode.UnsupportedMediaType);

        (await _node.KeyJournalSequenceAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Create_OversizedBody_Is413AndChangesNothing()
    {
        var before = await _node.KeyJournalSequenceAsync();
        using var content = SecureNode.Json($$"""{"name": "{{new string('x', 10_000)}}", "role": "viewer"}""");

        await ProblemAsync(await _admin.PostAsync(Keys, content), HttpStatusCode.RequestEntityTooLarge);

        (await _node.KeyJournalSequenceAsync()).Should().Be(before);
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
