using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Api;
using Nightjar.Server.Tests.Security.Support;

namespace Nightjar.Server.Tests.Security;

/// <summary>
/// Walks EVERY endpoint of the real host (taken from its <see cref="EndpointDataSource"/>, so a new route cannot escape)
/// with no credentials, a wrong key, a revoked key, each role and playback tokens, and checks each answer against
/// the endpoint's own metadata: 401 without valid credentials, 403 without the permission, anything else below 500
/// with it. Anonymous routes must be exactly the documented ones (plus CORS preflights).
/// </summary>
public sealed class RouteAuthorizationTests : IAsyncLifetime
{
    /// <summary>The only routes anyone may call without credentials (see Security/NightjarPolicies and the report).</summary>
    private static readonly string[] AnonymousRoutes = ["/health/live", "/health/ready", "/metrics", "/openapi/{documentName}.json"];

    private static readonly string UnknownKey = "nj_0123456789abcdef_" + new string('A', 43);

    private SecureNode _node = null!;
    private readonly Dictionary<string, string> _keys = [];
    private string _lobbyToken = null!;
    private string _otherCameraToken = null!;

    public async Task InitializeAsync()
    {
        _node = await SecureNode.StartAsync();
        var lobby = CameraRequestValidator.ParseCreate(Encoding.UTF8.GetBytes(CameraEndpointsTests.Camera("lobby"))).GetValueOrThrow();
        await _node.Cameras.AddAsync(lobby, CancellationToken.None);
        _keys["viewer"] = (await _node.CreateKeyAsync("viewer")).Key;
        _keys["operator"] = (await _node.CreateKeyAsync("operator")).Key;
        _keys["admin"] = SecureNode.AdminKey;
        var revoked = await _node.CreateKeyAsync("admin", "revoked admin");
        (await _node.Keys.RevokeAsync(revoked.Id, CancellationToken.None)).IsValid.Should().BeTrue();
        _keys["revoked"] = revoked.Key;
        var tokens = _node.Services.GetRequiredService<PlaybackTokenService>();
        _lobbyToken = tokens.Issue("lobby", Permissions.Playback, TimeSpan.FromMinutes(10));
        _otherCameraToken = tokens.Issue("lobby2", Permissions.Playback, TimeSpan.FromMinutes(10));
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task EveryEndpoint_AnswersEveryCallerAsItsMetadataSays()
    {
        var endpoints = Endpoints();
        var failures = new List<string>();
        var requests = 0;

        foreach (var endpoint in endpoints)
        {
            foreach (var method in Methods(endpoint))
            {
                var path = PathOf(endpoint.RoutePattern, method);
                foreach (var caller in Callers(path))
                {
                    requests++;
                    var (status, challenge) = await SendAsync(method, caller.Url, caller.Key);
                    var expected = Expect(endpoint, caller, method);
                    if (!expected.Accepts(status) || (status == 401 && !challenge))
                    {
                        failures.Add($"{method} {caller.Url} as {caller.Name}: {status}{(status == 401 && !challenge ? " without WWW-Authenticate: Bearer" : string.Empty)}, expected {expected}");
                    }
                }
            }
        }

        failures.Should().BeEmpty($"{requests} requests over {endpoints.Count} endpoints");
        requests.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Endpoints_IncludeEveryAreaAndOnlyTheDocumentedAnonymousOnes()
    {
        var endpoints = Endpoints();
        var patterns = endpoints.Select(e => e.RoutePattern.RawText).ToList();

        patterns.Should().Contain(["/api/v1/cameras", "/api/v1/cameras/{id}", "/api/v1/cameras/{id}/status", "/api/v1/cameras/{id}/token", "/api/v1/keys", "/api/v1/keys/{id}", "/api/v1/node"]);
        // CORS preflights (OPTIONS only) carry no credentials by the browser's rules, and answer nothing but headers.
        endpoints.Where(e => IsAnonymous(e) && !Methods(e).SequenceEqual(["OPTIONS"]))
            .Select(e => e.RoutePattern.RawText).Should().BeEquivalentTo(AnonymousRoutes);
        endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/cameras", StringComparison.Ordinal) || e.RoutePattern.RawText!.StartsWith("/api/v1/keys", StringComparison.Ordinal))
            .Should().OnlyContain(e => e.Metadata.GetMetadata<RequiredPermission>() != null, "every camera and key route names its permission");
    }

    private List<RouteEndpoint> Endpoints() =>
        [.. _node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal)];

    private static bool IsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    private static IEnumerable<string> Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"];

    /// <summary>Sample route values: an existing camera and stream, harmless ids for destructive methods.</summary>
    private static string PathOf(RoutePattern pattern, string method)
    {
        var isKeyRoute = pattern.RawText!.StartsWith("/api/v1/keys", StringComparison.Ordinal);
        var builder = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            builder.Append('/');
            foreach (var part in segment.Parts)
            {
                builder.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Sample(parameter.Name, isKeyRoute, method),
                    _ => "x",
                });
            }
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }

    private static string Sample(string name, bool isKeyRoute, string method) => name switch
    {
        "id" when isKeyRoute => "0123456789abcdef",
        "id" or "camera" => method == "DELETE" ? "ghost" : "lobby",
        "stream" => "main",
        "documentName" => "v1",
        "from" => "1767225600",
        "duration" => "60",
        "offset" => "0",
        "length" => "188",
        _ => "1",
    };

    private IEnumerable<Caller> Callers(string path)
    {
        yield return new("anonymous", path, null);
        yield return new("unknown key", path, UnknownKey);
        yield return new("revoked key", path, _keys["revoked"]);
        foreach (var role in new[] { "viewer", "operator", "admin" })
        {
            yield return new(role, path, _keys[role], Roles.PermissionsOf(Enum.Parse<Role>(role, ignoreCase: true)));
        }

        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        yield return new("lobby token", $"{path}{separator}token={_lobbyToken}", null, Permissions.Playback, TokenScope: "lobby");
        yield return new("lobby2 token", $"{path}{separator}token={_otherCameraToken}", null, Permissions.Playback, TokenScope: "lobby2");
        yield return new("API key in query", $"{path}{separator}token={Uri.EscapeDataString(_keys["admin"])}", null);
    }

    private static Expectation Expect(RouteEndpoint endpoint, Caller caller, string method)
    {
        if (IsAnonymous(endpoint))
        {
            return Expectation.Allowed;
        }

        var isToken = caller.TokenScope is not null;
        if (isToken)
        {
            var first = caller.Url.TrimStart('/').Split('/', '?')[0];
            var media = CameraId.IsValid(first) && method is "GET" or "HEAD";
            if (!media)
            {
                return Expectation.Unauthorized; // tokens only ever open media GETs
            }

            if (!string.Equals(first, caller.TokenScope, StringComparison.Ordinal))
            {
                return Expectation.Forbidden;
            }
        }

        if (caller.Permissions == Permissions.None)
        {
            return Expectation.Unauthorized;
        }

        return endpoint.Metadata.GetMetadata<RequiredPermission>() switch
        {
            { } required => required.IsSatisfiedBy(caller.Permissions) ? Expectation.Allowed : Expectation.Forbidden,
            // No policy of its own: the fallback lets any authenticated caller in.
            null when endpoint.Metadata.GetMetadata<IAuthorizeData>() is null && endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is null => Expectation.Allowed,
            null => caller.Permissions == Roles.PermissionsOf(Role.Admin) ? Expectation.Allowed : Expectation.AllowedOrForbidden,
        };
    }

    private async Task<(int Status, bool BearerChallenge)> SendAsync(string method, string url, string? key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await _node.Client.SendAsync(request);
        var challenge = response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer");
        return ((int)response.StatusCode, challenge);
    }

    private sealed record Caller(string Name, string Url, string? Key, Permissions Permissions = Permissions.None, string? TokenScope = null);

    private sealed record Expectation(string Name, Func<int, bool> Accepts)
    {
        public static readonly Expectation Unauthorized = new("401", s => s == 401);
        public static readonly Expectation Forbidden = new("403", s => s == 403);
        public static readonly Expectation Allowed = new("2xx-4xx other than 401/403", s => s is >= 200 and < 500 and not 401 and not 403);
        public static readonly Expectation AllowedOrForbidden = new("allowed or 403", s => s is >= 200 and < 500 and not 401);

        public override string ToString() => Name;
    }
}
