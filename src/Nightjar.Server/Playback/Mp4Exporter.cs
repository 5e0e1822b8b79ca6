using System.Buffers;

namespace Nightjar.Server.Playback;

/// <summary>
/// <c>archive-{from}-{duration}.mp4</c>: the chunks piped through one ffmpeg that copies the streams into a
/// fragmented MP4 (a <c>moof</c> per keyframe after an empty <c>moov</c>), so the file streams to the client as it
/// is made and plays in a browser. Exports are CPU-light (no decoding) but each is a process: at most
/// <see cref="PlaybackLimits.MaxConcurrentMp4Exports"/> run at once, further ones get 503 with <c>Retry-After</c>.
/// </summary>
internal sealed class Mp4Exporter(PlaybackMetrics metrics, ILogger<Mp4Exporter> logger) : IDisposable
{
    public const string Format = "mp4";
    public const string ContentType = "video/mp4";
    private const int BufferSize = 64 * 1024;

    private readonly SemaphoreSlim _slots = new(PlaybackLimits.MaxConcurrentMp4Exports);

    /// <summary>The ffmpeg to run (tests may point elsewhere).</summary>
    public string FfmpegPath { get; init; } = FfmpegPipe.DefaultPath;

    /// <summary>The ffmpeg arguments: TS on stdin, fragmented MP4 on stdout, streams copied.</summary>
    public static IReadOnlyList<string> Arguments(bool audio)
    {
        List<string> args = ["-hide_banner", "-nostdin", "-loglevel", "error", "-f", "mpegts", "-i", "pipe:0", "-map", "0:v:0"];
        if (audio)
        {
            // MP4 holds AAC without the ADTS headers TS carries.
            args.AddRange(["-map", "0:a:0?", "-bsf:a", "aac_adtstoasc"]);
        }

        args.AddRange(["-c", "copy", "-movflags", "+frag_keyframe+empty_moov+default_base_moof", "-f", "mp4", "pipe:1"]);
        return args;
    }

    public void Dispose() => _slots.Dispose();

    public IResult Export(ExportPlan plan, MediaPath path, string fileName) => new Mp4Result(this, plan, path, fileName);

    private async Task ExecuteAsync(HttpContext http, ExportPlan plan, MediaPath path, string fileName)
    {
        if (!await _slots.WaitAsync(TimeSpan.Zero))
        {
            metrics.Export(Format, "busy");
            ExportLog.RejectedBusy(logger, Format, path.StreamPath, PlaybackLimits.MaxConcurrentMp4Exports);
            await PlaybackProblems.Busy(http, "All MP4 export slots of this node are busy; try again shortly or export .ts.", 10)
                .ExecuteAsync(http);
            return;
        }

        try
        {
            await RunAsync(http, plan, path, fileName);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task RunAsync(HttpContext http, ExportPlan plan, MediaPath path, string fileName)
    {
        var aborted = http.RequestAborted;
        ExportLog.Started(logger, Format, path.StreamPath, plan.ChunkCount, plan.TotalBytes);
        await using var ffmpeg = FfmpegPipe.Start(FfmpegPath, Arguments(path.HasAudio));
        var feed = FeedAsync(ffmpeg, plan, aborted);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            // Nothing is sent before ffmpeg produced its first bytes, so a failure to start is still a clean 500.
            var read = await ffmpeg.Output.ReadAsync(buffer.AsMemory(), aborted);
            if (read == 0)
            {
                await feed;
                var code = await ffmpeg.WaitForExitAsync(aborted);
                metrics.Export(Format, "failed");
                ExportLog.Failed(logger, Format, path.StreamPath, code, ffmpeg.StderrTail);
                await PlaybackProblems.Failed("The MP4 export could not be made; the server log has the reason.").ExecuteAsync(http);
                return;
            }

            var response = http.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            ExportFileName.SetAttachment(response, fileName);
            long sent = 0;
            do
            {
                await response.Body.WriteAsync(buffer.AsMemory(0, read), aborted);
                sent += read;
                read = await ffmpeg.Output.ReadAsync(buffer.AsMemory(), aborted);
            }
            while (read > 0);

            var fed = await feed;
            var exitCode = await ffmpeg.WaitForExitAsync(aborted);
            if (exitCode != 0 || fed is not null)
            {
                // The status line is gone: cutting the connection is the only way to say the file is incomplete.
                metrics.Export(Format, "failed");
                if (fed is not null)
                {
                    ExportLog.FileVanished(logger, Format, path.StreamPath, fed.Message);
                }
                else
                {
                    ExportLog.Failed(logger, Format, path.StreamPath, exitCode, ffmpeg.StderrTail);
                }

                http.Abort();
                return;
            }

            metrics.Export(Format, "completed");
            ExportLog.Completed(logger, Format, path.StreamPath, sent);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            metrics.Export(Format, "aborted");
            ExportLog.Aborted(logger, Format, path.StreamPath);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the spans into ffmpeg and closes its input; returns the read error that cut it short, if any.</summary>
    private static async Task<IOException?> FeedAsync(FfmpegPipe ffmpeg, ExportPlan plan, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await FileSpanCopier.CopyAsync(plan.Spans, ffmpeg.Input, cancellationToken, plan.Remote);
            return null;
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException or EndOfStreamException or RemoteSpanException)
        {
            return ex;
        }
        catch (IOException)
        {
            return null; // ffmpeg closed its input (it failed): its exit code says why
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            ffmpeg.CloseInput();
        }
    }

    private sealed class Mp4Result(Mp4Exporter exporter, ExportPlan plan, MediaPath path, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => exporter.ExecuteAsync(httpContext, plan, path, fileName);
    }
}
