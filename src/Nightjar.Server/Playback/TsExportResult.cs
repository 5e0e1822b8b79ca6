namespace Nightjar.Server.Playback;

/// <summary>
/// <c>archive-{from}-{duration}.ts</c>: the chunks' bytes back to back, read from disk and written to the client with
/// no process and no decoding. The length is known up front, so a download shows its progress.
/// </summary>
internal sealed class TsExportResult(ExportPlan plan, MediaPath path, string fileName, PlaybackMetrics metrics, ILogger logger) : IResult
{
    public const string Format = "ts";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ChunkEndpoints.ContentType;
        response.ContentLength = plan.TotalBytes;
        ExportFileName.SetAttachment(response, fileName);
        ExportLog.Started(logger, Format, path.StreamPath, plan.ChunkCount, plan.TotalBytes);
        try
        {
            var sent = await FileSpanCopier.CopyAsync(plan.Spans, response.Body, httpContext.RequestAborted, plan.Remote);
            metrics.Export(Format, "completed");
            ExportLog.Completed(logger, Format, path.StreamPath, sent);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            metrics.Export(Format, "aborted");
            ExportLog.Aborted(logger, Format, path.StreamPath);
        }
        catch (IOException ex) when (!httpContext.RequestAborted.IsCancellationRequested)
        {
            // The length was promised: cut the connection so the client sees an incomplete download, not a short file.
            metrics.Export(Format, "failed");
            ExportLog.FileVanished(logger, Format, path.StreamPath, ex.Message);
            httpContext.Abort();
        }
    }
}
