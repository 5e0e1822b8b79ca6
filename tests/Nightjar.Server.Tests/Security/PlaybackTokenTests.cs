using System.Net;
using System.Text;
using System.Text.Json;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Server.Tests.Api;
using Nightjar.Server.Tests.Security.Support;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Security;

/// <summary>
/// <c>POST /api/v1/cameras/{id}/token</c> and <c>?token=</c> on media routes: issue, use, expiry on a manual clock,
/// scope (a lobby token never opens lobby2), permissions, and everything a token must not open.
/// </summary>
public sealed class PlaybackTokenTests(PlaybackTokenTests.Fixture fixture) : IClassFixture<PlaybackTokenTests.Fixture>
{
    private readonly ManualTimeProvider _time = fixture.Time;
    private readonly SecureNode _node = fixture.Node;
    private readonly HttpClient _viewer = fixture.Viewer;
    private readonly HttpClient _operator = fixture.Operator;

    [Fact]
    public async Task Issue_WithoutBody_GivesTheCallersPlaybackRightsForFiveMinutesAndUrls()
    {
        var issued = await IssueAsync(_viewer, "lobby", null);

        issued.GetProperty("scope").GetString().Should().Be("lobby");
        issued.GetProperty("expiresAt").GetDateTimeOffset().Should().Be(_time.GetUtcNow().AddSeconds(300));
        issued.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Should().Equal("ViewCameras", "PlayLive", "PlayArchive");
        var token = issued.GetProperty("token").GetString()!;
        var urls = issued.GetProperty("urls");
        urls.GetProperty("hls").GetString().Should().Be("/lobby/index.m3u8?token=" + token);
        urls.GetProperty("rtsp").GetString().Should().MatchRegex("^rtsp://localhost:[0-9]+/lobby\\?token=").And.EndWith(token);
    }

    [Fact]
    public async Task Token_OpensItsCameraUntilItExpires()
    {
        var token = (await IssueAsync(_viewer, "lobby", null)).GetProperty("token").GetString()!;

        (await GetAsync($"/lobby/_probe/live?token={token}")).Should().Be(HttpStatusCode.OK);
        (await GetAsync($"/lobby/main/_probe/live?token={token}")).Should().Be(HttpStatusCode.OK);
        (await GetAsync($"/lobby/_probe/archive?token={token}")).Should().Be(HttpStatusCode.OK);
        (await GetAsync($"/lobby/_probe/any?token={token}")).Should().Be(HttpStatusCode.OK);

        _time.Advance(TimeSpan.FromSeconds(299));
        (await GetAsync($"/lobby/_probe/live?token={token}")).Should().Be(HttpStatusCode.OK);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var expired = await _node.Client.GetAsync(new Uri($"/lobby/_probe/live?token={token}", UriKind.Relative));
        var problem = await ProblemAsync(expired, HttpStatusCode.Unauthorized);
        problem.GetProperty("reason").GetString().Should().Be("expired_token");
        expired.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer realm=\"nightjar\", error=\"invalid_token\"");
    }

    [Fact]
    public async Task Token_ForLobby_NeverOpensLobby2()
    {
        var token = (await IssueAsync(_viewer, "lobby", null)).GetProperty("token").GetString()!;

        using var response = await _node.Client.GetAsync(new Uri($"/lobby2/_probe/live?token={token}", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        problem.GetProperty("reason").GetString().Should().Be("wrong_scope");
    }

    [Fact]
    public async Task StreamToken_OpensOnlyThatStream()
    {
        var token = (await IssueAsync(_viewer, "lobby", """{"stream": "main"}""")).GetProperty("token").GetString()!;

        (await GetAsync($"/lobby/main/_probe/live?token={token}")).Should().Be(HttpStatusCode.OK);
        (await GetAsync($"/lobby/sub/_probe/live?token={token}")).Should().Be(HttpStatusCode.Forbidden);
        (await GetAsync($"/lobby/_probe/live?token={token}")).Should().Be(HttpStatusCode.Forbidden, "the camera path may serve another stream");
    }

    [Fact]
    public async Task ViewerToken_CannotExport_AndAViewerCannotMintAnExportToken()
    {
        var token = (await IssueAsync(_viewer, "lobby", null)).GetProperty("token").GetString()!;
        (await GetAsync($"/lobby/_probe/export?token={token}")).Should().Be(HttpStatusCode.Forbidden);

        using var response = await _viewer.PostAsync(new Uri("/api/v1/cameras/lobby/token", UriKind.Relative), SecureNode.Json("""{"permissions": ["PlayLive", "Export"]}"""));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        problem.GetProperty("errors").GetProperty("permissions")[0].GetString().Should().Contain("Export");
    }

    [Fact]
    public async Task LiveOnlyToken_FromAnOperator_CannotOpenTheArchive()
    {
        var exportToken = (await IssueAsync(_operator, "lobby", """{"permissions": ["Export"]}""")).GetProperty("token").GetString()!;
        var liveToken = (await IssueAsync(_operator, "lobby", """{"permissions": ["PlayLive"], "ttlSeconds": 60}""")).GetProperty("token").GetString()!;

        (await GetAsync($"/lobby/_probe/export?token={exportToken}")).Should().Be(HttpStatusCode.OK);
        (await GetAsync($"/lobby/_probe/live?token={exportToken}")).Should().Be(HttpStatusCode.Forbidden);
        (await GetAsync($"/lobby/_probe/live?token={liveToken}")).Should().Be(HttpStatusCode.OK);
        (await GetAsync($"/lobby/_probe/archive?token={liveToken}")).Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Token_IsRefusedOutsideMediaGets()
    {
        var token = (await IssueAsync(_operator, "lobby", null)).GetProperty("token").GetString()!;

        (await GetAsync($"/api/v1/cameras?token={token}")).Should().Be(HttpStatusCode.Unauthorized);
        (await GetAsync($"/api/v1/cameras/lobby?token={token}")).Should().Be(HttpStatusCode.Unauthorized);
        using var post = await _node.Client.PostAsync(new Uri($"/lobby/_probe/live?token={token}", UriKind.Relative), SecureNode.Json("{}"));
        post.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "tokens travel in URLs: they only ever read");
    }

    [Fact]
    public async Task TamperedToken_Is401InvalidToken()
    {
        var token = (await IssueAsync(_viewer, "lobby", null)).GetProperty("token").GetString()!;
        var forged = Convert.ToBase64String(Encoding.ASCII.GetBytes($"1|lobby2|15|{_time.GetUtcNow().ToUnixTimeSeconds() + 60}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_') + token[token.IndexOf('.', StringComparison.Ordinal)..];

        using var response = await _node.Client.GetAsync(new Uri($"/lobby2/_probe/live?token={forged}", UriKind.Relative));

        (await ProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("reason").GetString().Should().Be("invalid_token");
        (await GetAsync("/lobby/_probe/live?token=")).Should().Be(HttpStatusCode.Unauthorized);
        (await GetAsync("/lobby/_probe/live?token=a&token=b")).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiKeyInQuery_IsRefusedAndNotLogged()
    {
        using var response = await _node.Client.GetAsync(new Uri($"/lobby/_probe/live?token={Uri.EscapeDataString(SecureNode.AdminKey)}", UriKind.Relative));
        var (_, generated) = await _node.CreateKeyAsync("viewer");
        using var generatedResponse = await _node.Client.GetAsync(new Uri($"/lobby/_probe/live?token={generated}", UriKind.Relative));

        (await ProblemAsync(response, HttpStatusCode.Unauthorized)).GetProperty("reason").GetString().Should().Be("invalid_token");
        (await ProblemAsync(generatedResponse, HttpStatusCode.Unauthorized)).GetProperty("reason").GetString().Should().Be("key_in_query");
        _node.Logs.AllText.Should().NotContain(generated).And.NotContain(SecureNode.AdminKey);
    }

    [Theory]
    [InlineData("""{"ttlSeconds": 0}""", HttpStatusCode.UnprocessableEntity, "ttlSeconds")]
    [InlineData("""{"ttlSeconds": 86401}""", HttpStatusCode.UnprocessableEntity, "ttlSeconds")]
    [InlineData("""{"ttlSeconds": 1.5}""", HttpStatusCode.BadRequest, "ttlSeconds")]
    [InlineData("""{"ttlSeconds": "300"}""", HttpStatusCode.BadRequest, "ttlSeconds")]
    [InlineData("""{"stream": "nosuch"}""", HttpStatusCode.UnprocessableEntity, "stream")]
    [InlineData("""{"stream": 1}""", HttpStatusCode.BadRequest, "stream")]
    [InlineData("""{"permissions": ["ManageKeys"]}""", HttpStatusCode.UnprocessableEntity, "permissions[0]")]
    [InlineData("""{"permissions": []}""", HttpStatusCode.UnprocessableEntity, "permissions")]
    [InlineData("""{"permissions": "PlayLive"}""", HttpStatusCode.BadRequest, "permissions")]
    [InlineData("""{"scope": "lobby2"}""", HttpStatusCode.BadRequest, "scope")]
    [InlineData("""{"ttl""", HttpStatusCode.BadRequest, "$")]
    public async Task Issue_BadBody_IsProblemNamingTheField(string body, HttpStatusCode status, string field)
    {
        using var response = await _operator.PostAsync(new Uri("/api/v1/cameras/lobby/token", UriKind.Relative), SecureNode.Json(body));

        var problem = await ProblemAsync(response, status);

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
    }

    [Fact]
    public async Task Issue_ForAnUnknownOrInvalidCamera_Is404Or400()
    {
        (await _viewer.PostAsync(new Uri("/api/v1/cameras/nosuch/token", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _viewer.PostAsync(new Uri("/api/v1/cameras/No!/token", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> IssueAsync(HttpClient client, string camera, string? body)
    {
        using var response = await client.PostAsync(new Uri($"/api/v1/cameras/{camera}/token", UriKind.Relative), body is null ? null : SecureNode.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<HttpStatusCode> GetAsync(string url)
    {
        using var response = await _node.Client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>One node on a manual clock with cameras lobby and lobby2 and a viewer and an operator key.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        internal ManualTimeProvider Time { get; } = new();

        internal SecureNode Node { get; private set; } = null!;

        internal HttpClient Viewer { get; private set; } = null!;

        internal HttpClient Operator { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Node = await SecureNode.StartAsync(new SecureNodeOptions { Time = Time });
            foreach (var id in new[] { "lobby", "lobby2" })
            {
                var camera = CameraRequestValidator.ParseCreate(Encoding.UTF8.GetBytes(CameraEndpointsTests.Camera(id))).GetValueOrThrow();
                await Node.Cameras.AddAsync(camera, CancellationToken.None);
            }

            Viewer = Node.ClientWithKey((await Node.CreateKeyAsync("viewer")).Key);
            Operator = Node.ClientWithKey((await Node.CreateKeyAsync("operator")).Key);
        }

        public async Task DisposeAsync()
        {
            Viewer.Dispose();
            Operator.Dispose();
            await Node.DisposeAsync();
        }
    }
}
