using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nightjar.Recording.Access;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Security;
using Nightjar.Server.Cluster.Routing;

namespace Nightjar.Server.Playback;

/// <summary>
/// The chunks playlists point at: <c>/{camera}/{stream}/c/{segmentKey}/{offset}-{length}.ts</c> (one GOP as a
/// virtual file) and <c>/{camera}/{stream}/f/{segmentKey}.ts</c> (a whole file, for byte-range playlists). Both
/// answer HTTP <c>Range</c> requests; closed files are cached as immutable, the growing one is not.
/// </summary>
internal static partial class ChunkEndpoints
{
    public const string ChunkPattern = "/c/{segmentKey}/{offset}-{length}.ts";
    public const string FilePattern = "/f/{segmentKey}.ts";
    public const string ContentType = "video/mp2t";
    private const string LogCategory = "Nightjar.Server.Playback.Chunks";

    public static void MapChunks(this RouteGroupBuilder stream)
    {
        // Live playlists list chunks too: either playing right is enough (a role always has both).
        // In a cluster a chunk may be on another node's disk (or be the file its owner is writing): sent there.
        stream.MapMediaGet(ChunkPattern, GetChunk, head: true).RequireAnyPermission(Permissions.PlayLive | Permissions.PlayArchive).RoutedToChunkHolder();
        stream.MapMediaGet(FilePattern, GetFile, head: true).RequireAnyPermission(Permissions.PlayLive | Permissions.PlayArchive).RoutedToChunkHolder();
    }

    private static IResult GetChunk(
        HttpContext http,
        string segmentKey,
        string offset,
        string length,
        [FromServices] ICameraManager cameras,
        [FromServices] IRecordingArchive archive,
        [FromServices] PlaybackMetrics metrics,
        [FromServices] ILoggerFactory loggers)
    {
        if (!TryParseBytes(offset, out var start) || !TryParseBytes(length, out var count) || count < 1 || count > PlaybackLimits.MaxChunkBytes)
        {
            return PlaybackProblems.BadRequest(string.Create(
                CultureInfo.InvariantCulture,
                $"A chunk is '{{offset}}-{{length}}.ts' in bytes: offset from 0, length from 1 to {PlaybackLimits.MaxChunkBytes}."));
        }

        if (!TryOpen(http, segmentKey, cameras, archive, loggers, out var file, out var closed, out var problem))
        {
            return problem;
        }

        if (start > file.Length - count)
        {
            var fileLength = file.Length;
            file.Dispose();
            return PlaybackProblems.RangeNotSatisfiable(string.Create(
                CultureInfo.InvariantCulture,
                $"Bytes {start}-{start + count - 1} are beyond the end of the recording file ({fileLength} bytes)."));
        }

        return Send(http, new FileSliceStream(file, start, count), closed, metrics);
    }

    private static IResult GetFile(
        HttpContext http,
        string segmentKey,
        [FromServices] ICameraManager cameras,
        [FromServices] IRecordingArchive archive,
        [FromServices] PlaybackMetrics metrics,
        [FromServices] ILoggerFactory loggers)
    {
        if (!TryOpen(http, segmentKey, cameras, archive, loggers, out var file, out var closed, out var problem))
        {
            return problem;
        }

        // A growing file is served as far as it is written now; players only ask for ranges the playlist listed.
        return Send(http, new FileSliceStream(file, 0, file.Length), closed, metrics);
    }

    private static bool TryOpen(
        HttpContext http,
        string segmentKey,
        ICameraManager cameras,
        IRecordingArchive archive,
        ILoggerFactory loggers,
        [NotNullWhen(true)] out FileStream? file,
        out bool closed,
        [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        file = null;
        closed = false;
        if (!MediaPathResolver.TryResolve(http, cameras, out var path, out problem))
        {
            return false;
        }

        if (!SegmentKeyText.IsWellFormed(segmentKey))
        {
            problem = PlaybackProblems.BadRequest($"Not a segment key: use 1 to {SegmentKeyText.MaxLength} characters of A-Z, a-z, 0-9, '.', '_', '~' and '-'.");
            return false;
        }

        if (archive.ResolveChunkFile(path.CameraId, path.Stream, segmentKey) is not { } chunkFile)
        {
            problem = PlaybackProblems.NotFound($"'{path.StreamPath}' has no recording file '{segmentKey}'.");
            return false;
        }

        try
        {
            // Shared with the recorder still appending and with retention deleting: both are fine for a reader.
            file = new FileStream(chunkFile.FullPath, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                Options = FileOptions.Asynchronous,
                BufferSize = 0,
            });
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            LogChunkFileMissing(loggers.CreateLogger(LogCategory), path.StreamPath, segmentKey, ex.GetType().Name);
            problem = PlaybackProblems.NotFound($"The recording file '{segmentKey}' of '{path.StreamPath}' is gone.");
            return false;
        }

        closed = chunkFile.Closed;
        return true;
    }

    private static ChunkResult Send(HttpContext http, FileSliceStream slice, bool closed, PlaybackMetrics metrics)
    {
        http.Response.Headers.CacheControl = closed ? MediaCache.Immutable : MediaCache.NoCache;
        return new ChunkResult(slice, metrics);
    }

    private static bool TryParseBytes(string? text, out long value)
    {
        value = 0;
        return text is { Length: > 0 and <= 15 }
            && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The framework's stream result (Range, 206, 416) plus the bytes metric once it is done.</summary>
    private sealed class ChunkResult(FileSliceStream slice, PlaybackMetrics metrics) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            try
            {
                await TypedResults.Stream(slice, ContentType, enableRangeProcessing: true).ExecuteAsync(httpContext);
            }
            finally
            {
                metrics.ChunkBytesSent(slice.BytesRead);
            }
        }
    }
}
