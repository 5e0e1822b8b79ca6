using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>
/// <c>?token=&lt;playback token&gt;</c> on media GET/HEAD requests (the policy scheme sends nothing else here). The token
/// must be validly signed, unexpired and cover the request's camera or stream (see <see cref="MediaRequestScope"/>);
/// the caller then has exactly the token's permissions, which the route's policy checks.
/// </summary>
/// <remarks>
/// API keys are refused in the query string: a URL is copied into proxy and access logs, browser history and
/// Referer headers, and a key there would leak a long-lived credential that also opens the JSON API. Players that
/// cannot send a header get a short-lived, camera-scoped token from <c>POST /api/v1/cameras/{id}/token</c>.
/// </remarks>
internal sealed class PlaybackTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    PlaybackTokenService tokens,
    AuthProblemResponder responder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Query[MediaRequestScope.TokenQueryName];
        if (values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(Fail(AuthFailureReason.InvalidToken, "send one non-empty token parameter"));
        }

        var result = tokens.Read(token);
        if (result.Grant is not { } grant)
        {
            return Task.FromResult(result.Failure switch
            {
                PlaybackTokenFailure.Expired => Fail(AuthFailureReason.ExpiredToken, "the token has expired"),
                PlaybackTokenFailure.Malformed when token.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal) => Fail(
                    AuthFailureReason.KeyInQuery,
                    "API keys are not accepted in URLs; send 'Authorization: Bearer <key>' or use a playback token from POST /api/v1/cameras/{id}/token"),
                _ => Fail(AuthFailureReason.InvalidToken, "the token is not valid"),
            });
        }

        var path = MediaRequestScope.PathOf(Context);
        if (!grant.Covers(path))
        {
            return Task.FromResult(Fail(AuthFailureReason.WrongScope, "the token is for another camera or stream"));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "token:" + grant.Scope),
                new Claim(ClaimTypes.Name, "playback token for " + grant.Scope),
                new Claim(NightjarClaims.TokenScope, grant.Scope),
                new Claim(NightjarClaims.KeyId, "token:" + grant.Scope),
                NightjarClaims.ForPermissions(grant.Permissions),
            ],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await responder.ChallengeAsync(Context, result.Failure as NightjarAuthenticationException);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        responder.ForbidAsync(Context, "This playback token");

    private AuthenticateResult Fail(AuthFailureReason reason, string message)
    {
        var failure = new NightjarAuthenticationException(reason, message);
        responder.RecordFailure(Context, failure, keyId: null);
        return AuthenticateResult.Fail(failure);
    }
}
