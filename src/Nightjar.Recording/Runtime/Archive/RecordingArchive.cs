using Microsoft.Extensions.Logging;
using Nightjar.Media.Hls;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Ingest;
using Nightjar.Recording.Timeline;

namespace Nightjar.Recording.Runtime.Archive;

/// <summary>
/// <see cref="IRecordingArchive"/> over the segment catalog (closed files) and the streams' published snapshots (the
/// file being written, and files closed a moment ago that the catalog may not show yet). Never scans directories and
/// never asks an actor: a playlist or chunk request costs at most one catalog query.
/// </summary>
internal sealed partial class RecordingArchive(RecordingServices services, ILogger logger)
{
    public async Task<IReadOnlyList<HlsSegment>> GetSegmentsAsync(CameraId camera, string stream, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!StreamNames.IsValid(stream) || to <= from)
        {
            return [];
        }

        var views = await ViewsAsync(camera, stream, from, to, cancellationToken);
        return [.. views.Where(v => v.Segment.Chunks.Count > 0).Select(v => v.Segment)];
    }

    public LiveWindow? GetLive(CameraId camera, string stream) =>
        services.Snapshots.Find(camera, stream) is { Live.Count: > 0 } snapshot
            ? new LiveWindow(snapshot.Live, snapshot.LiveTargetDuration)
            : null;

    public ChunkFile? ResolveChunkFile(CameraId camera, string stream, string segmentKey)
    {
        if (!StreamNames.IsValid(stream) || !SegmentKey.TryParse(segmentKey, out var key))
        {
            return null;
        }

        string relative;
        try
        {
            relative = key.ToRelativePath(camera, stream);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (!services.Layout.TryResolve(relative, out var full) || !File.Exists(full))
        {
            return null;
        }

        var open = services.Snapshots.Find(camera, stream)?.OpenKey;
        return new ChunkFile(full, Closed: !string.Equals(open, segmentKey, StringComparison.Ordinal));
    }

    public async Task<TimelineResult> GetTimelineAsync(CameraId camera, string stream, TimeRange window, CancellationToken cancellationToken)
    {
        if (!StreamNames.IsValid(stream) || window.IsEmpty)
        {
            return RecordingTimeline.Compute([], window);
        }

        var views = await ViewsAsync(camera, stream, window.Start, window.End, cancellationToken);
        return RecordingTimeline.Compute(views.Where(v => v.End > v.Start).Select(v => new TimeRange(v.Start, v.End)), window);
    }

    public async Task<ChunkRange?> GetLatestKeyframeAsync(CameraId camera, string stream, CancellationToken cancellationToken)
    {
        if (!StreamNames.IsValid(stream))
        {
            return null;
        }

        var snapshot = services.Snapshots.Find(camera, stream);
        var candidates = new List<SegmentView>();
        if (snapshot is not null)
        {
            candidates.AddRange(snapshot.RecentClosed);
            if (snapshot.Open is { } open)
            {
                candidates.Add(open);
            }
        }

        if (candidates.Count == 0)
        {
            foreach (var row in await services.Catalog.LatestAsync(camera.Value, stream, 1, cancellationToken))
            {
                if (ToView(row) is { } view)
                {
                    candidates.Add(view);
                }
            }
        }

        for (var i = candidates.Count - 1; i >= 0; i--)
        {
            var view = candidates[i];
            if (view.Segment.Chunks.Count > 0 && services.Layout.TryResolve(view.Path, out var full))
            {
                var chunk = view.Segment.Chunks[^1];
                return new ChunkRange(full, chunk.Offset, chunk.Length, view.Segment.ChunkStart(chunk));
            }
        }

        return null;
    }

    /// <summary>Files overlapping the window from the catalog and the stream's memory, oldest first, each once.</summary>
    private async Task<List<SegmentView>> ViewsAsync(CameraId camera, string stream, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await services.Catalog.FindAsync(camera.Value, stream, from, to, includeLost: false, cancellationToken);
        var views = new List<SegmentView>(rows.Count + 5);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (ToView(row) is { } view && keys.Add(view.Key))
            {
                views.Add(view);
            }
        }

        if (services.Snapshots.Find(camera, stream) is { } snapshot)
        {
            var memory = snapshot.Open is { } open ? snapshot.RecentClosed.Append(open) : snapshot.RecentClosed;
            foreach (var view in memory)
            {
                if (view.Start < to && view.End > from && keys.Add(view.Key))
                {
                    views.Add(view);
                }
            }
        }

        views.Sort((a, b) => a.Start.CompareTo(b.Start));
        return views;
    }

    private SegmentView? ToView(CatalogSegment row)
    {
        if (SegmentKey.FromRelativePath(row.Path) is not { } key || !GopIndex.TryDecode(row.GopIndex, out var index, out _))
        {
            LogBadRow(logger, row.Id, row.Path);
            return null;
        }

        try
        {
            return new SegmentView(row.Path, new HlsSegment(key.ToString(), row.RunId, row.Start, GopConversion.ToChunks(index, row.Bytes)), row.End);
        }
        catch (ArgumentException)
        {
            // The index reaches past the recorded size: the row is inconsistent, serve nothing from it.
            LogBadRow(logger, row.Id, row.Path);
            return null;
        }
    }
}
