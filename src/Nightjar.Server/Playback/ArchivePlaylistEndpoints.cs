using Microsoft.AspNetCore.Mvc;
using Nightjar.Media.Hls;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Security;
using Nightjar.Server.Cluster.Routing;

namespace Nightjar.Server.Playback;

/// <summary>
/// <c>/{path}/index-{from}-{duration}.m3u8</c> and its alias <c>archive-{from}-{duration}.m3u8</c>: a VOD playlist
/// over the archive; with <c>now</c> as the duration, an EVENT playlist that grows with the recording.
/// </summary>
internal static class ArchivePlaylistEndpoints
{
    public const string IndexPattern = "/index-{from}-{duration}.m3u8";
    public const string ArchivePattern = "/archive-{from}-{duration}.m3u8";

    public static void MapArchivePlaylists(this RouteGroupBuilder media)
    {
        // Built here from the shared catalog, except a growing one: its live edge is in the owner's memory.
        media.MapMediaGet(IndexPattern, GetArchiveAsync).RequirePermission(Permissions.PlayArchive).RoutedToOwnerWhenGrowing();
        media.MapMediaGet(ArchivePattern, GetArchiveAsync).RequirePermission(Permissions.PlayArchive).RoutedToOwnerWhenGrowing();
    }

    private static async Task<IResult> GetArchiveAsync(
        HttpContext http,
        string from,
        string duration,
        [FromQuery] string? token,
        [FromQuery] string? byterange,
        [FromServices] ICameraManager cameras,
        [FromServices] IRecordingArchive archive,
        [FromServices] TimeProvider time,
        [FromServices] PlaybackMetrics metrics,
        CancellationToken cancellationToken)
    {
        if (!MediaPathResolver.TryResolve(http, cameras, out var path, out var problem))
        {
            return problem;
        }

        if (!ArchiveRange.TryParse(from, duration, allowNow: true, out var range, out var error))
        {
            return PlaybackProblems.BadRequest(error);
        }

        if (!ByteRangeQuery.TryParse(byterange, out var byteRanges))
        {
            return PlaybackProblems.BadRequest(ByteRangeQuery.Error);
        }

        var now = time.GetUtcNow();
        var queryEnd = range.To ?? now;
        if (range.IsOpenEnded && now - range.From > PlaybackLimits.MaxRange)
        {
            return PlaybackProblems.BadRequest($"A growing playlist starts at most {PlaybackLimits.MaxRange.TotalDays:0} days before now.");
        }

        var segments = range.From < queryEnd
            ? await archive.GetSegmentsAsync(path.CameraId, path.Stream, range.From, queryEnd, cancellationToken)
            : [];
        var uris = new ChunkUriFormat(path.RelativeStreamPrefix, token, byteRanges);
        var options = new ArchivePlaylistOptions
        {
            Addressing = uris.Addressing,

            // An EVENT playlist keeps its target duration while it grows: start from the stream's configured GOP.
            MinTargetDuration = range.IsOpenEnded ? archive.GetLive(path.CameraId, path.Stream)?.TargetDurationSeconds ?? 1 : 1,
        };
        var writer = new ArchivePlaylistWriter(segments, range.From, range.To ?? DateTimeOffset.MaxValue, endList: !range.IsOpenEnded, uris, options);
        if (writer.ChunkCount == 0)
        {
            return PlaybackProblems.NotFound($"Nothing of '{path.Text}' is recorded in the requested range.");
        }

        var settled = range.To is { } end && end + PlaybackLimits.SettledAfter <= now;
        metrics.PlaylistServed(range.IsOpenEnded ? "event" : "archive");
        return new PlaylistResult(writer, settled ? MediaCache.SettledPlaylist : MediaCache.NoCache);
    }
}
