using Microsoft.AspNetCore.Routing.Patterns;
using Nightjar.Server.Api;

namespace Nightjar.Server.Playback;

/// <summary>
/// The media URLs (DESIGN.md, Interfaces), Flussonic-compatible, times in UTC unix seconds, under <c>/{camera}</c>
/// (the primary stream) and <c>/{camera}/{stream}</c>, plus the recordings timeline under <c>/api/v1</c>.
/// </summary>
/// <remarks>
/// Route constraints admit only valid, non-reserved camera ids and stream names, so no media route ever matches
/// <c>/api</c>, <c>/health</c>, <c>/openapi</c>, <c>/metrics</c> or <c>/ui</c>: those keep their own 404s and 405s.
/// Media routes are left out of the OpenAPI document, which describes the JSON API.
/// </remarks>
internal static class PlaybackEndpoints
{
    public static IEndpointRouteBuilder MapPlaybackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var camera = new CameraIdRouteConstraint();
        var stream = new StreamNameRouteConstraint();

        var primary = MediaGroup(endpoints, RoutePatternFactory.Parse(
            "/{camera}", defaults: null, parameterPolicies: new RouteValueDictionary { [MediaPathResolver.CameraRouteKey] = camera }));
        var named = MediaGroup(endpoints, RoutePatternFactory.Parse(
            "/{camera}/{stream}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { [MediaPathResolver.CameraRouteKey] = camera, [MediaPathResolver.StreamRouteKey] = stream }));
        foreach (var media in new[] { primary, named })
        {
            media.MapLivePlaylist();
            media.MapArchivePlaylists();
            media.MapExports();
            media.MapPreview();
            media.MapRecordingStatus();
        }

        // Chunk URLs always name the stream: playlists of /{camera}/... point into /{camera}/{primary}/c/...
        named.MapChunks();

        endpoints.MapGroup(ApiV1Endpoints.Prefix).MapRecordingsApi();
        return endpoints;
    }

    private static RouteGroupBuilder MediaGroup(IEndpointRouteBuilder endpoints, RoutePattern prefix)
    {
        var group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(MediaCors.Filter);
        group.ExcludeFromDescription();
        return group;
    }
}
