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
internal sealed record ExportPlan(IReadOnlyList<FileSpan> Spans, int ChunkCount, TimeSpan Duration, int MissingFiles)
{
    public long TotalBytes => Spans.Sum(s => s.Length);

    public static async Task<ExportPlan> CreateAsync(
        IRecordingArchive archive,
        MediaPath path,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(path);
        var segments = await archive.GetSegmentsAsync(path.CameraId, path.Stream, from, to, cancellationToken);
        return FromSegments(segments, from, to, key => archive.ResolveChunkFile(path.CameraId, path.Stream, key)?.FullPath);
    }

    /// <summary>The plan over <paramref name="segments"/>, resolving each file key with <paramref name="resolve"/>.</summary>
    public static ExportPlan FromSegments(IReadOnlyList<HlsSegment> segments, DateTimeOffset from, DateTimeOffset to, Func<string, string?> resolve)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(resolve);
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

            string? fullPath = null;
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
                    fullPath = resolve(segment.Key);
                    resolved = true;
                    missing += fullPath is null ? 1 : 0;
                }

                if (fullPath is null)
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

                    open = new FileSpan(fullPath, chunk.Offset, chunk.Length);
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
