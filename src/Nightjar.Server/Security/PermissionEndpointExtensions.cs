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
        var names = NightjarPolicies.Split(permissions).Select(NightjarPolicies.NameOf).ToArray();
        if (names.Length == 0 || NightjarPolicies.Split(permissions).Aggregate(Permissions.None, (a, p) => a | p) != permissions)
        {
            throw new ArgumentException($"'{permissions}' names no known permission.", nameof(permissions));
        }

        builder.WithMetadata(new RequiredPermission(permissions));
        return builder.RequireAuthorization(names);
    }
}
