using Nightjar.Media.Hls;

namespace Nightjar.Server.Playback;

/// <summary>
/// Sends an <see cref="ArchivePlaylistWriter"/> in pieces of <see cref="FlushBytes"/>, flushing after each, so a
/// long playlist starts arriving at once and memory stays flat whatever the range.
/// </summary>
internal sealed class PlaylistResult(ArchivePlaylistWriter writer, string cacheControl) : IResult
{
    public const int FlushBytes = 64 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = HlsPlaylist.ContentType;
        response.Headers.CacheControl = cacheControl;
        var body = response.BodyWriter;
        var aborted = httpContext.RequestAborted;
        try
        {
            while (!writer.IsComplete)
            {
                writer.WriteSome(body, FlushBytes);
                var flushed = await body.FlushAsync(aborted);
                if (flushed.IsCanceled || flushed.IsCompleted)
                {
                    return; // the client went away
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // A player that stopped reading a long playlist is not an error worth a log line.
        }
    }
}
