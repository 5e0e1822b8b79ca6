using Microsoft.AspNetCore.Authorization;
using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>Puts a permission check on a route or a route group.</summary>
internal static class PermissionEndpointExtensions
{
    /// <summary>
    /// The caller needs every flag in <paramref name="permissions"/> (<c>.RequirePermission(Permissions.PlayLive)</c>).
    /// API keys have their role's permissions; playback tokens have the ones they were issued with, and only on
    /// the camera or stream they name.
    /// </summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permissions permissions)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var names = Flags(permissions).Select(NightjarPolicies.NameOf).ToArray();
        builder.WithMetadata(new RequiredPermission(permissions));
        return builder.RequireAuthorization(names);
    }

    /// <summary>
    /// The caller needs at least one flag of <paramref name="permissions"/>
    /// (<c>.RequireAnyPermission(Permissions.PlayLive | Permissions.PlayArchive)</c> for chunks both kinds of playlist list).
    /// </summary>
    public static TBuilder RequireAnyPermission<TBuilder>(this TBuilder builder, Permissions permissions)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var required = new RequiredPermission(Flags(permissions).Aggregate(Permissions.None, (all, p) => all | p), AnyOf: true);
        var policy = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => required.IsSatisfiedBy(NightjarClaims.GetPermissions(context.User)))
            .Build();
        builder.WithMetadata(required);
        return builder.RequireAuthorization(policy);
    }

    private static List<Permissions> Flags(Permissions permissions)
    {
        var flags = NightjarPolicies.Split(permissions).ToList();
        if (flags.Count == 0 || flags.Aggregate(Permissions.None, (all, p) => all | p) != permissions)
        {
            throw new ArgumentException($"'{permissions}' is not a combination of known permissions.", nameof(permissions));
        }

        return flags;
    }
}
