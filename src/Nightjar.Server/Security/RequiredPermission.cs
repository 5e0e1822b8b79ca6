using Nightjar.Recording.Access;

namespace Nightjar.Server.Security;

/// <summary>
/// Endpoint metadata naming what a route needs, added by <see cref="PermissionEndpointExtensions.RequirePermission{TBuilder}"/>:
/// the playback-token handler and the route-walk test read it; the policies do the enforcing.
/// </summary>
internal sealed record RequiredPermission(Permissions Permissions);
