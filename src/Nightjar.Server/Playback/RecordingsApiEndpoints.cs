using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nightjar.Recording.Access;
using Nightjar.Recording.Protection;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Security;

namespace Nightjar.Server.Playback;

/// <summary>
/// <c>GET /api/v1/cameras/{id}/recordings?from=&amp;to=&amp;stream=</c>: the timeline of one stream (the primary one
/// unless <c>stream</c> says otherwise), recorded ranges and gaps, motion and locked ranges, for the UI and integrations.
/// </summary>
internal static class RecordingsApiEndpoints
{
    public const string Pattern = "/cameras/{id}/recordings";

    public static RouteHandlerBuilder MapRecordingsApi(this RouteGroupBuilder v1) =>
        v1.MapGet(Pattern, GetRecordingsAsync)
            .RequirePermission(Permissions.PlayArchive)
            .WithName("GetCameraRecordings")
            .WithTags("Recordings")
            .WithSummary("Recorded ranges, gaps, motion and locked ranges of a camera's stream in a window (default: the last day, at most 31 days).")
            .WithDescription(
                "from and to are UTC unix seconds, RFC 3339 times with an offset, or 'now'; answers use RFC 3339 in UTC. "
                + "Recorded ranges and gaps alternate and cover [from, to) exactly. Motion ranges include the camera's pre- and post-alarm; "
                + "locked ranges are evidence locks in force.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

    private static async Task<Results<Ok<RecordingsResponse>, ProblemHttpResult>> GetRecordingsAsync(
        string id,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? stream,
        [FromServices] ICameraManager cameras,
        [FromServices] IRecordingArchive archive,
        [FromServices] ProtectionIndex protection,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!MediaPathResolver.TryResolve(cameras.Registry, id, stream, out var path, out var problem))
        {
            return problem;
        }

        if (!TimeQuery.TryParseWindow(from, to, time.GetUtcNow(), out var window, out var error))
        {
            return PlaybackProblems.BadRequest(error);
        }

        var timeline = await archive.GetTimelineAsync(path.CameraId, path.Stream, window, cancellationToken);
        var policy = cameras.Registry.Find(path.CameraId)?.Dvr ?? Nightjar.Recording.Policies.DvrPolicy.Default;
        var motion = await protection.FindMotionAsync(path.CameraId, window.Start - policy.PostAlarm, window.End + policy.PreAlarm, cancellationToken);
        var locks = await protection.FindLocksAsync(path.CameraId, window.Start, window.End, cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new RecordingsResponse(
            path.CameraId.Value,
            path.Stream,
            window.Start.UtcDateTime,
            window.End.UtcDateTime,
            [.. timeline.Recorded.Select(RecordedRangeResponse.Of)],
            [.. timeline.Gaps.Select(RecordedRangeResponse.Of)],
            NullIfEmpty(ProtectedRanges.Motion(motion, policy, window, now)),
            NullIfEmpty(ProtectedRanges.Locked(locks, window, now))));
    }

    private static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T> ranges) => ranges.Count == 0 ? null : ranges;
}
