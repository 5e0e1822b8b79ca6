using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authorization;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>
/// One authorization policy per <see cref="Permissions"/> flag, named like the flag (<c>ViewCameras</c>,
/// <c>PlayLive</c>, ...). Routes use <see cref="PermissionEndpointExtensions.RequirePermission{TBuilder}"/>;
/// a route that says nothing still needs an authenticated caller (the fallback policy).
/// </summary>
/// <remarks>
/// Anonymous, by an explicit <c>AllowAnonymous()</c> on the route, are only: <c>/health/live</c> and <c>/health/ready</c>
/// (orchestrator probes carry no credentials), <c>/openapi/v1.json</c> (the API's shape, no data), <c>/metrics</c>
/// (Prometheus scrapes without credentials by default; it holds counts and camera ids, never secrets: keep port 8080
/// off untrusted networks or put a proxy in front if camera ids are sensitive) and CORS preflights (OPTIONS). The
/// route-walk test (RouteAuthorizationTests) fails when any other route becomes anonymous. Unknown paths answer 401
/// to anonymous callers, so what exists is not revealed.
/// </remarks>
internal static class NightjarPolicies
{
    /// <summary>Every single permission that has a policy, in flag order.</summary>
    public static IReadOnlyList<Permissions> All { get; } =
    [
        Permissions.ViewCameras,
        Permissions.PlayLive,
        Permissions.PlayArchive,
        Permissions.Export,
        Permissions.Protect,
        Permissions.ManageCameras,
        Permissions.ManageKeys,
        Permissions.ManageSystem,
        Permissions.RaiseAlarms,
    ];

    /// <summary>The policy name of one permission flag.</summary>
    /// <exception cref="ArgumentException"><paramref name="permission"/> is not exactly one known flag.</exception>
    public static string NameOf(Permissions permission) => All.Contains(permission)
        ? permission.ToString()
        : throw new ArgumentException($"'{permission}' is not a single permission.", nameof(permission));

    /// <summary>The permission a policy name stands for; false for names that are not ours.</summary>
    public static bool TryParse([NotNullWhen(true)] string? policyName, out Permissions permission)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToString(), policyName, StringComparison.Ordinal))
            {
                permission = candidate;
                return true;
            }
        }

        permission = Permissions.None;
        return false;
    }

    /// <summary>The single flags inside <paramref name="permissions"/>.</summary>
    public static IEnumerable<Permissions> Split(Permissions permissions) => All.Where(p => (permissions & p) == p);

    /// <summary>Registers the permission policies and makes "authenticated" the fallback for routes without a policy.</summary>
    public static void AddTo(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var permission in All)
        {
            options.AddPolicy(NameOf(permission), policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => NightjarClaims.GetPermissions(context.User).HasFlag(permission)));
        }

        // A route that forgets RequirePermission is still closed to anonymous callers; only
        // an explicit AllowAnonymous opens one.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
