using Nightjar.Media.Hls;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Playback;

/// <summary>
/// The byte ranges an export sends, in time order: the chunks overlapping the range, merged into one span per
/// file where they are contiguous (they always are within a file), so a day of one-second GOPs is 1,440 reads.
/// </summary>
/// <param name="Spans">What to read.</param>
/// <param name="ChunkCount">Chunks included; zero means nothing was recorded in the range.</param>
/// <param name="Duration">Sum of the chunks' durations (the exported video's length when nothing is missing).</param>
/// <param name="MissingFiles">Files the index listed whose path the archive could no longer give (deleted meanwhile).</param>
/// <param name="Remote">Copies the spans other nodes hold (a camera that moved between nodes during the range); null when all are here.</param>
internal sealed record ExportPlan(
    IReadOnlyList<FileSpan> Spans,
    int ChunkCount,
    TimeSpan Duration,
    int MissingFiles,
    Func<FileSpan, Stream, CancellationToken, Task>? Remote = null)
{
    public long TotalBytes => Spans.Sum(s => s.Length);

    /// <param name="archive">This node's recordings and the shared index.</param>
    /// <param name="path">The stream.</param>
    /// <param name="from">Start of the range.</param>
    /// <param name="to">End of the range.</param>
    /// <param name="cancellationToken">Stops the planning.</param>
    /// <param name="remote">In a cluster, where the files this node does not hold are; null takes only this node's.</param>
    /// <param name="role">The caller's role, asked of the nodes holding remote files.</param>
    public static async Task<ExportPlan> CreateAsync(
        IRecordingArchive archive,
        MediaPath path,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken,
        IRemoteSpans? remote = null,
        string? role = null)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(path);
        var segments = await archive.GetSegmentsAsync(path.CameraId, path.Stream, from, to, cancellationToken);
        var sources = new Dictionary<string, FileSpan>(StringComparer.Ordinal);
        foreach (var segment in segments.Where(s => ChunkWindow.MayOverlap(s, to)))
        {
            if (archive.ResolveChunkFile(path.CameraId, path.Stream, segment.Key) is { } local)
            {
                sources[segment.Key] = new FileSpan(local.FullPath, 0, 0);
            }
            else if (remote is not null && await remote.RemoteHolderAsync(path.CameraId, path.Stream, segment, cancellationToken) is { } node)
            {
                sources[segment.Key] = new FileSpan($"/{path.CameraId.Value}/{path.Stream}/f/{segment.Key}.ts", 0, 0, node);
            }
        }

        var plan = FromSources(segments, from, to, key => sources.TryGetValue(key, out var source) ? source : null);
        return remote is not null && plan.Spans.Any(s => s.Node is not null)
            ? plan with { Remote = (span, destination, ct) => remote.CopyAsync(span, role ?? "viewer", destination, ct) }
            : plan;
    }

    /// <summary>The plan over <paramref name="segments"/>, resolving each file key to a path on this node with <paramref name="resolve"/>.</summary>
    public static ExportPlan FromSegments(IReadOnlyList<HlsSegment> segments, DateTimeOffset from, DateTimeOffset to, Func<string, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return FromSources(segments, from, to, key => resolve(key) is { } fullPath ? new FileSpan(fullPath, 0, 0) : null);
    }

    /// <summary>The plan over <paramref name="segments"/>; <paramref name="resolve"/> gives a file's path and node (offset and length unused).</summary>
    private static ExportPlan FromSources(IReadOnlyList<HlsSegment> segments, DateTimeOffset from, DateTimeOffset to, Func<string, FileSpan?> resolve)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var spans = new List<FileSpan>();
        var chunks = 0;
        var missing = 0;
        var duration = TimeSpan.Zero;
        foreach (var segment in segments)
        {
            if (!ChunkWindow.MayOverlap(segment, to))
            {
                continue;
            }

            FileSpan? source = null;
            var resolved = false;
            FileSpan? open = null;
            foreach (var chunk in segment.Chunks)
            {
                var position = ChunkWindow.Position(segment, chunk, from, to);
                if (position > 0)
                {
                    break;
                }

                if (position < 0)
                {
                    continue;
                }

                if (!resolved)
                {
                    source = resolve(segment.Key);
                    resolved = true;
                    missing += source is null ? 1 : 0;
                }

                if (source is not { } file)
                {
                    continue;
                }

                chunks++;
                duration += chunk.DurationTime;
                if (open is { } current && current.End == chunk.Offset)
                {
                    open = current with { Length = current.Length + chunk.Length };
                }
                else
                {
                    if (open is { } done)
                    {
                        spans.Add(done);
                    }

                    open = file with { Offset = chunk.Offset, Length = chunk.Length };
                }
            }

            if (open is { } last)
            {
                spans.Add(last);
            }
        }

        return new ExportPlan(spans, chunks, duration, missing);
    }
}
