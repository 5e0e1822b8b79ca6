using Microsoft.AspNetCore.Mvc;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Cluster.Routing;
using Nightjar.Server.Retention;
using Nightjar.Server.Security;

namespace Nightjar.Server.Playback;

/// <summary>
/// Downloads of a recorded range: <c>/{path}/archive-{from}-{duration}.mp4</c> (a streamed, fragmented MP4, streams
/// copied by ffmpeg) and <c>.ts</c> (the recording's own bytes). Whole chunks: the file starts at the keyframe at or
/// before <c>from</c>; holes in the recording are skipped, so the file holds what was recorded, back to back.
/// </summary>
internal static class ExportEndpoints
{
    public const string Mp4Pattern = "/archive-{from}-{duration}.mp4";
    public const string TsPattern = "/archive-{from}-{duration}.ts";
    private const string LogCategory = "Nightjar.Server.Playback.Exports";

    public static void MapExports(this RouteGroupBuilder media)
    {
        media.MapMediaGet(Mp4Pattern, GetMp4Async).RequirePermission(Permissions.Export).RoutedToExportHolder();
        media.MapMediaGet(TsPattern, GetTsAsync).RequirePermission(Permissions.Export).RoutedToExportHolder();
    }

    private static async Task<IResult> GetMp4Async(
        HttpContext http,
        string from,
        string duration,
        [FromServices] ICameraManager cameras,
        [FromServices] IRecordingArchive archive,
        [FromServices] Mp4Exporter exporter,
        [FromServices] ExportPins pins,
        CancellationToken cancellationToken)
    {
        var (export, problem) = await PlanAsync(http, from, duration, cameras, archive, cancellationToken);
        return export is null ? problem! : pins.Around(export.Plan, exporter.Export(export.Plan, export.Path, export.FileName(Mp4Exporter.Format)));
    }

    private static async Task<IResult> GetTsAsync(
        HttpContext http,
        string from,
        string duration,
        [FromServices] ICameraManager cameras,
        [FromServices] IRecordingArchive archive,
        [FromServices] PlaybackMetrics metrics,
        [FromServices] ILoggerFactory loggers,
        [FromServices] ExportPins pins,
        CancellationToken cancellationToken)
    {
        var (export, problem) = await PlanAsync(http, from, duration, cameras, archive, cancellationToken);
        return export is null
            ? problem!
            : pins.Around(export.Plan, new TsExportResult(export.Plan, export.Path, export.FileName(TsExportResult.Format), metrics, loggers.CreateLogger(LogCategory)));
    }

    private static async Task<(ExportRequest? Export, IResult? Problem)> PlanAsync(
        HttpContext http,
        string from,
        string duration,
        ICameraManager cameras,
        IRecordingArchive archive,
        CancellationToken cancellationToken)
    {
        if (!MediaPathResolver.TryResolve(http, cameras, out var path, out var problem))
        {
            return (null, problem);
        }

        if (!ArchiveRange.TryParse(from, duration, allowNow: false, out var range, out var error))
        {
            return (null, PlaybackProblems.BadRequest(error));
        }

        // A range the camera recorded on several nodes (it moved) is exported here, the other nodes' files fetched from them.
        var remote = ClusterKeyHeaders.IsForwarded(http.Request) ? null : http.RequestServices.GetService<IRemoteSpans>();
        var plan = await ExportPlan.CreateAsync(archive, path, range.From, range.To!.Value, cancellationToken, remote, ClusterForwarder.ForwardedRoleOf(http.User));
        return plan.ChunkCount == 0
            ? (null, PlaybackProblems.NotFound($"Nothing of '{path.Text}' is recorded in the requested range."))
            : (new ExportRequest(plan, path, range), null);
    }

    /// <summary>A validated export: what to send, for which stream and range.</summary>
    private sealed record ExportRequest(ExportPlan Plan, MediaPath Path, ArchiveRange Range)
    {
        public string FileName(string extension) => ExportFileName.Of(Path, Range, extension);
    }
}
