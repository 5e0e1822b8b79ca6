using Nightjar.Recording.Access;
using Nightjar.Server.Security;

namespace Nightjar.Server.Tests.Security.Support;

/// <summary>
/// Stand-in media routes shaped like the real ones (<c>/{camera}/...</c>, <c>/{camera}/{stream}/...</c>), each needing
/// one permission, so token authentication is tested independently of the playback endpoints' own behaviour.
/// </summary>
internal static class MediaProbeEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/{camera}/_probe/live", () => "live").RequirePermission(Permissions.PlayLive);
        app.MapGet("/{camera}/{stream}/_probe/live", () => "live").RequirePermission(Permissions.PlayLive);
        app.MapGet("/{camera}/_probe/archive", () => "archive").RequirePermission(Permissions.PlayArchive);
        app.MapGet("/{camera}/_probe/export", () => "export").RequirePermission(Permissions.Export);
        app.MapGet("/{camera}/_probe/any", () => "any").RequireAnyPermission(Permissions.PlayLive | Permissions.PlayArchive);
        app.MapPost("/{camera}/_probe/live", () => "posted").RequirePermission(Permissions.PlayLive);
    }
}
