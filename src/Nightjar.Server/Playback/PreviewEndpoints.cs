using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Security;
using Nightjar.Server.Cluster.Routing;

namespace Nightjar.Server.Playback;

/// <summary><c>/{path}/preview.jpg</c>: a JPEG of the stream's newest keyframe, at the stream's own size.</summary>
internal static class PreviewEndpoints
{
    public const string Pattern = "/preview.jpg";

    public static void MapPreview(this RouteGroupBuilder media) => media.MapMediaGet(Pattern, GetPreviewAsync)
        .RequirePermission(Permissions.PlayLive)
        .RoutedToCameraOwner(MediaPathResolver.CameraRouteKey, ForwardKinds.Live);

    private static async Task<IResult> GetPreviewAsync(
        HttpContext http,
        [FromServices] ICameraManager cameras,
        [FromServices] IRecordingArchive archive,
        [FromServices] SnapshotService snapshots,
        CancellationToken cancellationToken)
    {
        if (!MediaPathResolver.TryResolve(http, cameras, out var path, out var problem))
        {
            return problem;
        }

        Snapshot? snapshot;
        try
        {
            snapshot = await snapshots.GetAsync(archive, path, cancellationToken);
        }
        catch (SnapshotBusyException)
        {
            return PlaybackProblems.Busy(http, "Every snapshot decoder of this node is busy; try again shortly.", 2);
        }
        catch (SnapshotFailedException)
        {
            return PlaybackProblems.Failed($"The newest keyframe of '{path.Text}' could not be decoded; the server log has the reason.");
        }

        if (snapshot is null)
        {
            return PlaybackProblems.NotFound($"'{path.Text}' has no recording to take a snapshot from.");
        }

        var headers = http.Response.Headers;
        headers.CacheControl = MediaCache.NoCache;
        headers.LastModified = HeaderUtilities.FormatDate(snapshot.Time);
        return TypedResults.Bytes(snapshot.Jpeg, SnapshotService.ContentType);
    }
}
