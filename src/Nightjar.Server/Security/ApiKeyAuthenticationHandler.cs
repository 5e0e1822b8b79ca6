using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;API key&gt;</c>, checked against <see cref="ApiKeyStore.Current"/> (a dictionary
/// lookup by the key's public id, then a constant-time comparison of the hash). No header: no result, so the
/// fallback policy answers 401.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyStore store,
    AuthProblemResponder responder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var header = headers.Count == 1 ? headers[0] : null;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(AuthFailureReason.MalformedHeader, "the Authorization header must be one 'Bearer <API key>'", keyId: null);
        }

        var key = header[BearerPrefix.Length..].Trim();
        var registry = store.Current;
        var record = registry.Verify(key);

        // A key created on another node a moment ago: its id is new here. Known ids (a wrong secret, a revoked key)
        // never cause a read, and the store bounds the reads made-up ids can cause.
        if (record is null
            && ApiKeys.TryGetId(key, out var id)
            && registry.Find(id) is null
            && await store.CatchUpForUnknownKeyAsync(Context.RequestAborted))
        {
            registry = store.Current;
            record = registry.Verify(key);
        }

        if (record is null)
        {
            return Rejected(registry, key);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, record.Id),
                new Claim(ClaimTypes.Name, record.Name),
                new Claim(ClaimTypes.Role, Roles.NameOf(record.Role)),
                new Claim(NightjarClaims.KeyId, record.Id),
                NightjarClaims.ForPermissions(Roles.PermissionsOf(record.Role)),
            ],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await responder.ChallengeAsync(Context, result.Failure as NightjarAuthenticationException);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        responder.ForbidAsync(Context, $"This API key (role {Context.User.FindFirstValue(ClaimTypes.Role) ?? "unknown"})");

    private AuthenticateResult Rejected(ApiKeyRegistry registry, string key)
    {
        // The id inside a key is public (it is how keys are listed and revoked), so naming it in the log is safe
        // and lets an operator see which revoked key is still in use somewhere.
        if (ApiKeys.TryGetId(key, out var id) && registry.Find(id) is { IsRevoked: true } revoked && ApiKeys.Matches(key, revoked.SecretHash))
        {
            return Fail(AuthFailureReason.RevokedKey, "the API key was revoked", id);
        }

        return Fail(AuthFailureReason.InvalidKey, "the API key is not valid", keyId: null);
    }

    private AuthenticateResult Fail(AuthFailureReason reason, string message, string? keyId)
    {
        var failure = new NightjarAuthenticationException(reason, message);
        responder.RecordFailure(Context, failure, keyId);
        return AuthenticateResult.Fail(failure);
    }
}
