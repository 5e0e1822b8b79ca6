using Microsoft.AspNetCore.Mvc;
using Nightjar.Media.Hls;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Security;
using Nightjar.Server.Cluster.Routing;

namespace Nightjar.Server.Playback;

/// <summary><c>/{path}/index.m3u8</c>: the live window of the growing recording (media.md 7.3).</summary>
internal static class LivePlaylistEndpoints
{
    public const string Pattern = "/index.m3u8";

    public static void MapLivePlaylist(this RouteGroupBuilder media) => media.MapMediaGet(Pattern, GetLive)
        .RequirePermission(Permissions.PlayLive)
        .RoutedToCameraOwner(MediaPathResolver.CameraRouteKey, ForwardKinds.Live);

    private static IResult GetLive(
        HttpContext http,
        [FromQuery] string? token,
        [FromQuery] string? byterange,
        [FromServices] ICameraManager cameras,
        [FromServices] IRecordingArchive archive,
        [FromServices] PlaybackMetrics metrics)
    {
        if (!MediaPathResolver.TryResolve(http, cameras, out var path, out var problem))
        {
            return problem;
        }

        if (!ByteRangeQuery.TryParse(byterange, out var byteRanges))
        {
            return PlaybackProblems.BadRequest(ByteRangeQuery.Error);
        }

        if (archive.GetLive(path.CameraId, path.Stream) is not { Chunks.Count: > 0 } live)
        {
            return PlaybackProblems.NotFound($"'{path.Text}' is not being recorded right now, or its first chunk is not complete yet.");
        }

        var uris = new ChunkUriFormat(path.RelativeStreamPrefix, token, byteRanges);
        var playlist = LivePlaylist.Build(live.Chunks, uris.Addressing, live.TargetDurationSeconds);
        metrics.PlaylistServed("live");
        http.Response.Headers.CacheControl = MediaCache.NoCache;
        return TypedResults.Bytes(playlist.Utf8, HlsPlaylist.ContentType);
    }
}
