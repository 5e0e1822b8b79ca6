using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>
/// A request forwarded by another node of the site: <see cref="ClusterKeyHeaders.Key"/> must equal <c>Cluster:Key</c>
/// (constant time); the caller then has the permissions of <see cref="ClusterKeyHeaders.ForwardedRole"/>, the role the
/// forwarding node authenticated. A node without a cluster key refuses every such request.
/// </summary>
internal sealed class ClusterKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ClusterKey clusterKey,
    AuthProblemResponder responder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>Node ids are short and printable; anything else in the header is refused before it reaches a log.</summary>
    private const int MaxNodeIdLength = 63;

    /// <summary>The claim naming the node that forwarded the request.</summary>
    public const string ForwardedByClaimType = "nightjar:forwarded-by";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var keys = Request.Headers[ClusterKeyHeaders.Key];
        if (keys.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!clusterKey.IsConfigured)
        {
            return Task.FromResult(Fail(AuthFailureReason.InvalidClusterKey, "this node has no cluster key: internal calls are refused"));
        }

        if (keys.Count != 1 || !clusterKey.Matches(keys[0]))
        {
            return Task.FromResult(Fail(AuthFailureReason.InvalidClusterKey, "the cluster key is not valid"));
        }

        var roles = Request.Headers[ClusterKeyHeaders.ForwardedRole];
        if (roles.Count != 1 || !Roles.TryParse(roles[0], out var role))
        {
            return Task.FromResult(Fail(AuthFailureReason.MalformedHeader, $"send one '{ClusterKeyHeaders.ForwardedRole}: admin|operator|viewer'"));
        }

        var by = Request.Headers[ClusterKeyHeaders.ForwardedBy];
        if (by.Count != 1 || !IsNodeId(by[0]))
        {
            return Task.FromResult(Fail(AuthFailureReason.MalformedHeader, $"send one '{ClusterKeyHeaders.ForwardedBy}: <node id>'"));
        }

        var node = by[0]!;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "cluster:" + node),
                new Claim(ClaimTypes.Name, "forwarded by node " + node),
                new Claim(ClaimTypes.Role, Roles.NameOf(role)),
                new Claim(NightjarClaims.KeyId, "cluster:" + node),
                new Claim(ForwardedByClaimType, node),
                NightjarClaims.ForPermissions(Roles.PermissionsOf(role)),
            ],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await responder.ChallengeAsync(Context, result.Failure as NightjarAuthenticationException);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        responder.ForbidAsync(Context, $"The forwarded caller (role {Context.User.FindFirstValue(ClaimTypes.Role) ?? "unknown"})");

    private static bool IsNodeId(string? text) =>
        text is { Length: > 0 and <= MaxNodeIdLength } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private AuthenticateResult Fail(AuthFailureReason reason, string message)
    {
        var failure = new NightjarAuthenticationException(reason, message);
        responder.RecordFailure(Context, failure, keyId: null);
        return AuthenticateResult.Fail(failure);
    }
}
