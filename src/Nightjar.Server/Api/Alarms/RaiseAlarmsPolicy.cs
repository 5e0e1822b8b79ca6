using Microsoft.AspNetCore.Authorization;
using Nightjar.Recording.Access;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Alarms;

/// <summary>
/// The RaiseAlarms requirement of the alarm routes. <c>RequirePermission</c> needs a named policy per flag in
/// <see cref="NightjarPolicies.All"/>, which does not list RaiseAlarms yet; this builds the same check (authenticated,
/// flag held) directly, with the same <see cref="RequiredPermission"/> metadata.
/// </summary>
internal static class RaiseAlarmsPolicy
{
    private static readonly AuthorizationPolicy Policy = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(static context => NightjarClaims.GetPermissions(context.User).HasFlag(Permissions.RaiseAlarms))
        .Build();

    public static TBuilder RequireRaiseAlarms<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new RequiredPermission(Permissions.RaiseAlarms));
        return builder.RequireAuthorization(Policy);
    }
}
