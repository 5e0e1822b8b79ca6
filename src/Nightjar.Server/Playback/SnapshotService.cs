using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Playback;

/// <summary>
/// JPEG snapshots of a stream's newest keyframe without a new camera connection: the newest GOP's bytes are piped
/// into ffmpeg, which decodes one frame (media.md 7.2, about 0.1 s). A stream's snapshot is reused for
/// <see cref="PlaybackLimits.SnapshotCacheTime"/>, and for as long as no newer keyframe exists; requests that arrive
/// while one is being decoded share it; at most <see cref="PlaybackLimits.MaxConcurrentSnapshots"/> decoders run at
/// once on the node.
/// </summary>
internal sealed partial class SnapshotService(TimeProvider time, PlaybackMetrics metrics, ILogger<SnapshotService> logger) : IDisposable
{
    public const string ContentType = "image/jpeg";
    private const int MaxJpegBytes = 32 * 1024 * 1024;
    private const int PruneAbove = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _decoders = new(PlaybackLimits.MaxConcurrentSnapshots);

    /// <summary>The ffmpeg to run (tests may point elsewhere).</summary>
    public string FfmpegPath { get; init; } = FfmpegPipe.DefaultPath;

    /// <summary>The ffmpeg arguments: TS on stdin, the first decoded frame as a JPEG on stdout, at the source's size.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
        ["-hide_banner", "-nostdin", "-loglevel", "error", "-f", "mpegts", "-i", "pipe:0", "-frames:v", "1", "-q:v", "5", "-f", "image2", "-c:v", "mjpeg", "pipe:1"];

    public void Dispose() => _decoders.Dispose();

    /// <summary>The newest snapshot of a stream, or null when it has no recording.</summary>
    /// <exception cref="SnapshotBusyException">No decoder came free in time.</exception>
    /// <exception cref="SnapshotFailedException">ffmpeg could not decode the keyframe.</exception>
    public async Task<Snapshot?> GetAsync(IRecordingArchive archive, MediaPath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(path);
        var key = path.StreamPath;
        var entry = Fresh(key, time.GetUtcNow());
        var cached = entry is not null;
        if (entry is null)
        {
            var latest = await archive.GetLatestKeyframeAsync(path.CameraId, path.Stream, cancellationToken);
            if (latest is null)
            {
                return null;
            }

            (entry, cached) = Claim(key, latest, time.GetUtcNow());
        }

        try
        {
            var jpeg = await entry.Jpeg.WaitAsync(cancellationToken);
            metrics.Preview(cached ? "cache" : "decoded");
            return new Snapshot(jpeg, entry.Source.Start, cached);
        }
        catch (Exception ex) when (ex is SnapshotBusyException or SnapshotFailedException)
        {
            lock (_lock)
            {
                // A failure is not cached: the next request tries again.
                if (_entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                {
                    _entries.Remove(key);
                }
            }

            metrics.Preview(ex is SnapshotBusyException ? "busy" : "failed");
            throw;
        }
    }

    private Entry? Fresh(string key, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(key, out var entry) && now - entry.CreatedAt < PlaybackLimits.SnapshotCacheTime ? entry : null;
        }
    }

    /// <summary>The entry for <paramref name="latest"/>: the cached one when it shows the same keyframe, else a new decode.</summary>
    private (Entry Entry, bool Cached) Claim(string key, ChunkRange latest, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry)
                && (entry.Source == latest || now - entry.CreatedAt < PlaybackLimits.SnapshotCacheTime))
            {
                // Same keyframe (nothing newer was recorded), or another request just started a decode.
                entry = entry with { CreatedAt = now };
                _entries[key] = entry;
                return (entry, true);
            }

            if (_entries.Count >= PruneAbove)
            {
                foreach (var stale in _entries.Where(e => now - e.Value.CreatedAt > PlaybackLimits.SnapshotCacheTime).Select(e => e.Key).ToList())
                {
                    _entries.Remove(stale);
                }
            }

            entry = new Entry(latest, Task.Run(() => DecodeAsync(latest, key)), now);
            _entries[key] = entry;
            return (entry, false);
        }
    }

    private async Task<ReadOnlyMemory<byte>> DecodeAsync(ChunkRange source, string streamPath)
    {
        using (var queue = new CancellationTokenSource(PlaybackLimits.SnapshotQueueTimeout, time))
        {
            try
            {
                await _decoders.WaitAsync(queue.Token);
            }
            catch (OperationCanceledException)
            {
                LogSnapshotBusy(logger, streamPath, PlaybackLimits.MaxConcurrentSnapshots);
                throw new SnapshotBusyException();
            }
        }

        try
        {
            var started = time.GetTimestamp();
            var jpeg = await RunFfmpegAsync(source, streamPath);
            var elapsed = time.GetElapsedTime(started);
            metrics.PreviewDecoded(elapsed);
            LogSnapshotCreated(logger, streamPath, jpeg.Length, elapsed.TotalMilliseconds);
            return jpeg;
        }
        finally
        {
            _decoders.Release();
        }
    }

    private async Task<ReadOnlyMemory<byte>> RunFfmpegAsync(ChunkRange source, string streamPath)
    {
        using var deadline = new CancellationTokenSource(PlaybackLimits.SnapshotTimeout, time);
        await using var ffmpeg = FfmpegPipe.Start(FfmpegPath, Arguments);
        var span = new FileSpan(source.FullPath, source.Offset, Math.Min(source.Length, PlaybackLimits.MaxSnapshotInputBytes));
        var feed = FeedAsync(ffmpeg, span, deadline.Token);
        using var output = new MemoryStream();
        try
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await ffmpeg.Output.ReadAsync(buffer, deadline.Token)) > 0)
            {
                if (output.Length + read > MaxJpegBytes)
                {
                    throw new SnapshotFailedException("The snapshot decoder wrote more than a JPEG.");
                }

                output.Write(buffer, 0, read);
            }

            var feedError = await feed;
            var code = await ffmpeg.WaitForExitAsync(deadline.Token);
            if (code != 0 || output.Length == 0)
            {
                var reason = feedError ?? ffmpeg.StderrTail;
                LogSnapshotFailed(logger, streamPath, code, reason);
                throw new SnapshotFailedException($"ffmpeg exited with {code}.");
            }

            return output.GetBuffer().AsMemory(0, (int)output.Length);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            LogSnapshotFailed(logger, streamPath, -1, "timed out");
            throw new SnapshotFailedException("The snapshot decoder timed out.");
        }
    }

    /// <summary>Pipes the keyframe in; returns why reading the recording failed, if it did.</summary>
    private static async Task<string?> FeedAsync(FfmpegPipe ffmpeg, FileSpan span, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await FileSpanCopier.CopyAsync([span], ffmpeg.Input, cancellationToken);
            return null;
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException or EndOfStreamException)
        {
            return ex.Message;
        }
        catch (IOException)
        {
            return null; // ffmpeg had its frame and closed its input: normal
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

    /// <summary>A stream's snapshot: the keyframe it shows, the decode (shared by concurrent requests), and when it was last confirmed current.</summary>
    private sealed record Entry(ChunkRange Source, Task<ReadOnlyMemory<byte>> Jpeg, DateTimeOffset CreatedAt);
}
