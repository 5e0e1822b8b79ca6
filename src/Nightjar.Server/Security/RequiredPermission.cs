using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>
/// Endpoint metadata naming what a route needs, added by <see cref="PermissionEndpointExtensions"/>: the 403 answer
/// and the route-walk test read it; the policies do the enforcing.
/// </summary>
/// <param name="Permissions">The permission flags the route checks.</param>
/// <param name="AnyOf">True: one of the flags is enough; false: every flag is needed.</param>
internal sealed record RequiredPermission(Permissions Permissions, bool AnyOf = false)
{
    /// <summary>Whether a caller holding <paramref name="held"/> passes.</summary>
    public bool IsSatisfiedBy(Permissions held) => AnyOf ? (held & Permissions) != 0 : (held & Permissions) == Permissions;
}
