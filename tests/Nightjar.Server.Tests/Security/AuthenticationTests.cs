using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Security.Support;

namespace Nightjar.Server.Tests.Security;

/// <summary>401 and 403 answers of the API key scheme: problem details, the Bearer challenge, the failure metric, and logs without the secret.</summary>
public sealed class AuthenticationTests(SecureNodeFixture fixture) : IClassFixture<SecureNodeFixture>, IDisposable
{
    private static readonly Uri Cameras = new("/api/v1/cameras", UriKind.Relative);

    private readonly SecureNode _node = fixture.Node;
    private readonly FailureRecorder _failures = new(fixture.Node);

    public void Dispose() => _failures.Dispose();

    [Fact]
    public async Task NoCredentials_Is401ProblemWithBearerChallenge()
    {
        using var response = await _node.Client.GetAsync(Cameras);

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer realm=\"nightjar\"");
        problem.GetProperty("detail").GetString().Should().Contain("Authorization: Bearer");
        problem.GetProperty("reason").GetString().Should().Be("missing");
        _failures.Reasons.Should().Contain("missing");
    }

    [Fact]
    public async Task UnknownKey_Is401InvalidTokenAndTheKeyIsNeverLogged()
    {
        const string presented = "nj_00000000000000ff_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        using var client = _node.ClientWithKey(presented);

        using var response = await client.GetAsync(Cameras);

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("error=\"invalid_token\"");
        problem.GetProperty("reason").GetString().Should().Be("invalid_key");
        _failures.Reasons.Should().Contain("invalid_key");
        _node.Logs.Entries.Should().Contain(e => e.EventId == SecurityEventIds.AuthenticationFailed);
        _node.Logs.AllText.Should().NotContain(presented).And.NotContain("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }

    [Fact]
    public async Task RevokedKey_Is401RevokedAndTheLogNamesItsId()
    {
        var (id, key) = await _node.CreateKeyAsync("viewer", "old screen");
        (await _node.Keys.RevokeAsync(id, CancellationToken.None)).IsValid.Should().BeTrue();
        using var client = _node.ClientWithKey(key);

        var problem = await ProblemAsync(await client.GetAsync(Cameras), HttpStatusCode.Unauthorized);

        problem.GetProperty("reason").GetString().Should().Be("revoked_key");
        _node.Logs.Entries.Should().Contain(e => e.EventId == SecurityEventIds.AuthenticationFailed && e.Message.Contains(id, StringComparison.Ordinal));
        _node.Logs.AllText.Should().NotContain(key);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Token test-admin-key-0123456789abcdef")]
    public async Task MalformedHeader_Is401MalformedHeader(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Cameras);
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var problem = await ProblemAsync(await _node.Client.SendAsync(request), HttpStatusCode.Unauthorized);

        problem.GetProperty("reason").GetString().Should().Be("malformed_header");
    }

    [Fact]
    public async Task TwoAuthorizationHeaders_Are401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Cameras);
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + SecureNode.AdminKey, "Bearer other-key-0123456789abcdef"]);

        var problem = await ProblemAsync(await _node.Client.SendAsync(request), HttpStatusCode.Unauthorized);

        problem.GetProperty("reason").GetString().Should().Be("malformed_header");
    }

    [Fact]
    public async Task LowerCaseBearerScheme_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Cameras);
        request.Headers.TryAddWithoutValidation("Authorization", "bearer " + SecureNode.AdminKey);

        using var response = await _node.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ViewerOnKeys_Is403NamingThePermissionAndIsCounted()
    {
        var (_, key) = await _node.CreateKeyAsync("viewer");
        using var client = _node.ClientWithKey(key);

        using var response = await client.GetAsync(new Uri("/api/v1/keys", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        response.Headers.WwwAuthenticate.Should().BeEmpty();
        problem.GetProperty("detail").GetString().Should().Be("This API key (role viewer) lacks the ManageKeys permission.");
        _failures.Reasons.Should().Contain("forbidden");
        _node.Logs.AllText.Should().NotContain(key);
    }

    [Fact]
    public async Task UnknownRoute_IsHiddenFromAnonymousCallersOnly()
    {
        var anonymous = await _node.Client.GetAsync(new Uri("/no/such/route", UriKind.Relative));
        using var admin = _node.AdminClient();
        var authenticated = await admin.GetAsync(new Uri("/no/such/route", UriKind.Relative));

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "what exists is nobody's business without credentials");
        await ProblemAsync(authenticated, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnonymousRoutes_NeedNoCredentialsEvenWithABadKey()
    {
        using var client = _node.ClientWithKey("nj_00000000000000ff_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        (await _node.Client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _node.Client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _node.Client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCameraAndKeyRoutes()
    {
        var document = await _node.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        document.Should().Contain("\"/api/v1/cameras\"").And.Contain("\"/api/v1/cameras/{id}/token\"").And.Contain("\"/api/v1/keys/{id}\"")
            .And.Contain("CreateCamera").And.Contain("RevokeApiKey").And.Contain("\"422\"");
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Listens to this node's <c>nightjar.auth.failures</c> (each host has its own meter instance).</summary>
    internal sealed class FailureRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<string> _reasons = [];

        public FailureRecorder(SecureNode node)
        {
            var meter = node.Services.GetRequiredService<SecurityMetrics>().Meter;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "nightjar.auth.failures")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "reason")
                    {
                        lock (_reasons)
                        {
                            _reasons.Add((string)tag.Value!);
                        }
                    }
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<string> Reasons
        {
            get
            {
                lock (_reasons)
                {
                    return [.. _reasons];
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
