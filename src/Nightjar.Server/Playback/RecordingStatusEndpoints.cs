using Microsoft.AspNetCore.Mvc;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Timeline;
using Nightjar.Server.Security;

namespace Nightjar.Server.Playback;

/// <summary>
/// <c>/{path}/recording_status.json?from=&amp;to=</c>, Flussonic's shape:
/// <c>[{"stream": "lobby", "ranges": [{"from": 1763683200, "duration": 3600}]}]</c> in whole unix seconds. The window
/// follows <see cref="TimeQuery"/> (default: the last day).
/// </summary>
internal static class RecordingStatusEndpoints
{
    public const string Pattern = "/recording_status.json";

    public static void MapRecordingStatus(this RouteGroupBuilder media) => media.MapMediaGet(Pattern, GetStatusAsync).RequirePermission(Permissions.PlayArchive);

    private static async Task<IResult> GetStatusAsync(
        HttpContext http,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromServices] ICameraManager cameras,
        [FromServices] IRecordingArchive archive,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!MediaPathResolver.TryResolve(http, cameras, out var path, out var problem))
        {
            return problem;
        }

        if (!TimeQuery.TryParseWindow(from, to, time.GetUtcNow(), out var window, out var error))
        {
            return PlaybackProblems.BadRequest(error);
        }

        var timeline = await archive.GetTimelineAsync(path.CameraId, path.Stream, window, cancellationToken);
        http.Response.Headers.CacheControl = MediaCache.NoCache;
        RecordingStatusEntry[] status = [RecordingStatusEntry.From(path.Text, timeline.Recorded)];
        return TypedResults.Json(status, PlaybackJsonContext.Default.RecordingStatusEntryArray);
    }
}
