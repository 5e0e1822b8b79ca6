using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>
/// Writes the 401 and 403 answers of both authentication schemes as problem details, counts them in
/// <c>nightjar.auth.failures</c> and logs them (path without the query: a token there is a secret).
/// </summary>
internal sealed partial class AuthProblemResponder(
    IProblemDetailsService problems,
    SecurityMetrics metrics,
    ILogger<AuthProblemResponder> logger)
{
    public const string MissingCredentialsDetail =
        "Send an API key as 'Authorization: Bearer <key>' (media URLs also take a playback token as '?token=').";

    /// <summary>Counts and logs a failed authentication once, where it is detected.</summary>
    public void RecordFailure(HttpContext context, NightjarAuthenticationException failure, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);
        metrics.AuthFailed(failure.Reason, "http");
        var reason = AuthFailureReasons.TagOf(failure.Reason);
        LogAuthenticationFailed(logger, reason, context.Request.Method, context.Request.Path.Value, keyId ?? "-", failure.Message);
    }

    /// <summary>401 with <c>WWW-Authenticate: Bearer</c>, or 403 for a good token on the wrong camera.</summary>
    public Task ChallengeAsync(HttpContext context, NightjarAuthenticationException? failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (failure is null)
        {
            // Nothing was presented: counted here, since no handler saw a credential to reject.
            metrics.AuthFailed(AuthFailureReason.Missing, "http");
            LogNoCredentials(logger, context.Request.Method, context.Request.Path.Value);
        }
        else if (failure.IsForbidden)
        {
            return WriteAsync(context, StatusCodes.Status403Forbidden, failure.Message, failure.Reason);
        }

        var challenge = failure is null
            ? $"Bearer realm=\"{NightjarAuthenticationSchemes.Realm}\""
            : $"Bearer realm=\"{NightjarAuthenticationSchemes.Realm}\", error=\"invalid_token\", error_description=\"{failure.Message}\"";
        context.Response.Headers.WWWAuthenticate = challenge;
        return WriteAsync(context, StatusCodes.Status401Unauthorized, failure?.Message ?? MissingCredentialsDetail, failure?.Reason ?? AuthFailureReason.Missing);
    }

    /// <summary>403: authenticated, but without the permission the route needs.</summary>
    public Task ForbidAsync(HttpContext context, string callerDescription)
    {
        ArgumentNullException.ThrowIfNull(context);
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredPermission>();
        var missing = required is null ? Permissions.None : required.Permissions & ~NightjarClaims.GetPermissions(context.User);
        var names = string.Join(required?.AnyOf == true ? " or " : " and ", NightjarPolicies.Split(missing).Select(NightjarPolicies.NameOf));
        var detail = missing == Permissions.None
            ? $"{callerDescription} is not allowed to do this."
            : $"{callerDescription} lacks the {names} permission.";
        metrics.AuthFailed(AuthFailureReason.Forbidden, "http");
        var caller = context.User.FindFirstValue(NightjarClaims.KeyId) ?? "-";
        LogAccessDenied(logger, context.Request.Method, context.Request.Path.Value, caller, detail);
        return WriteAsync(context, StatusCodes.Status403Forbidden, detail, AuthFailureReason.Forbidden);
    }

    private async Task WriteAsync(HttpContext context, int status, string detail, AuthFailureReason reason)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["reason"] = AuthFailureReasons.TagOf(reason);

        // The 401/403 body is ours: keep the status-code-pages middleware from writing a second one.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
