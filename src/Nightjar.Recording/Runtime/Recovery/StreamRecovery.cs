using System.Globalization;
using Microsoft.Extensions.Logging;
using Nightjar.Media.Segments;
using Nightjar.Media.Ts;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime.Archive;
using Nightjar.Recording.Runtime.Ingest;

namespace Nightjar.Recording.Runtime.Recovery;

/// <summary>
/// Reconciles one stream's disk with its index (DESIGN.md, Recording): files of its newest runs that were never
/// recorded (left open by a crash, or closed but not journaled) are cut to whole TS packets, indexed, fsynced and
/// returned as <see cref="SegmentRecorded"/>; indexed files that are gone are returned as <see cref="SegmentLost"/>.
/// The caller journals what it gets; nothing here writes events. Must not run while ffmpeg writes the stream.
/// </summary>
/// <remarks>
/// Unusable files: a file without a complete keyframe holds nothing playable and is deleted (logged, counted as
/// lost with reason <c>empty</c>); a file that is not MPEG-TS at all is kept for inspection, renamed to
/// <c>.ts.corrupt</c> so it is reported once, and journaled as <see cref="SegmentLost"/> (<c>corrupt</c>); a file
/// that cannot be read is left alone and retried at the next start.
/// Times of an adopted file: the end of the previous file of the same run when that is known and plausible (TS files
/// of one run have continuous timestamps), otherwise the second in its name (when ffmpeg opened it).
/// </remarks>
internal sealed partial class StreamRecovery(
    StorageLayout layout,
    ISegmentCatalog catalog,
    RecordingEngineOptions options,
    RecordingMetrics metrics,
    ILogger logger)
{
    /// <param name="camera">The camera.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="knownPaths">Paths already journaled that the catalog may not show yet.</param>
    /// <param name="checkCatalog">Also look for indexed files that are gone (the engine's start-up pass).</param>
    /// <param name="cancellationToken">Stops the scan between files.</param>
    public async Task<IReadOnlyList<IRecordingEvent>> ScanAsync(
        CameraId camera,
        string stream,
        IReadOnlyCollection<string> knownPaths,
        bool checkCatalog,
        CancellationToken cancellationToken)
    {
        var events = new List<IRecordingEvent>();
        var streamDirectory = layout.StreamDirectory(camera, stream);
        if (Directory.Exists(streamDirectory))
        {
            foreach (var run in LatestRuns(streamDirectory, options.RecoveryRunsPerStream).Reverse())
            {
                await ScanRunAsync(camera, stream, run, knownPaths, events, cancellationToken);
            }
        }

        if (checkCatalog)
        {
            await FindMissingAsync(camera, stream, events, cancellationToken);
        }

        return events;
    }

    /// <summary>The newest run directories of a stream, newest first (run ids sort by start time).</summary>
    internal static IEnumerable<string> LatestRuns(string streamDirectory, int count) =>
        (from year in Subdirectories(streamDirectory, 4)
         from month in Subdirectories(year, 2)
         from day in Subdirectories(month, 2)
         from run in Subdirectories(day, 0)
         select run).Take(count);

    private static IEnumerable<string> Subdirectories(string parent, int digits) =>
        Directory.EnumerateDirectories(parent)
            .Where(d =>
            {
                var name = Path.GetFileName(d);
                return digits == 0 ? SegmentPathScheme.IsValidName(name) : name.Length == digits && name.All(char.IsAsciiDigit);
            })
            .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal);

    private async Task ScanRunAsync(
        CameraId camera,
        string stream,
        string runDirectory,
        IReadOnlyCollection<string> knownPaths,
        List<IRecordingEvent> events,
        CancellationToken cancellationToken)
    {
        var relativeRun = layout.ToRelative(runDirectory);
        var runId = Path.GetFileName(runDirectory);
        var files = SegmentFiles(runDirectory);

        // Files are journaled in order, so walking back from the newest, two known ones in a row end the search.
        var unknown = new SortedSet<int>();
        var knownInARow = 0;
        for (var i = files.Count - 1; i >= 0 && knownInARow < 2; i--)
        {
            if (await IsKnownAsync(relativeRun + "/" + files[i].Name, knownPaths, cancellationToken))
            {
                knownInARow++;
            }
            else
            {
                knownInARow = 0;
                unknown.Add(i);
            }
        }

        DateTimeOffset? previousEnd = null;
        foreach (var i in unknown)
        {
            if (i > 0 && !unknown.Contains(i - 1))
            {
                previousEnd = (await catalog.GetByPathAsync(relativeRun + "/" + files[i - 1].Name, cancellationToken))?.End;
            }

            var adopted = Adopt(camera, stream, runId, relativeRun + "/" + files[i].Name, files[i], previousEnd);
            previousEnd = (adopted as SegmentRecorded)?.End;
            if (adopted is not null)
            {
                events.Add(adopted);
            }
        }

        RemoveIfEmpty(runDirectory);
    }

    private async Task<bool> IsKnownAsync(string relativePath, IReadOnlyCollection<string> knownPaths, CancellationToken cancellationToken) =>
        knownPaths.Contains(relativePath) || await catalog.GetByPathAsync(relativePath, cancellationToken) is not null;

    private IRecordingEvent? Adopt(CameraId camera, string stream, string runId, string relativePath, SegmentFile file, DateTimeOffset? previousEnd)
    {
        TsRepairResult repaired;
        try
        {
            repaired = SegmentRepair.Repair(file.FullPath);
        }
        catch (TsFormatException error)
        {
            File.Move(file.FullPath, file.FullPath + ".corrupt");
            FileDurability.FlushDirectory(Path.GetDirectoryName(file.FullPath)!);
            LogCorrupt(logger, relativePath, error.Message);
            return new SegmentLost(camera, stream, relativePath, SegmentLossReason.Corrupt);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            metrics.Lost(camera.Value, stream, "unreadable");
            LogUnreadable(logger, relativePath, error);
            return null;
        }

        if (repaired.Index.AllGops.Count == 0)
        {
            // Nothing playable (ffmpeg had just opened it, or the camera never sent a keyframe): nothing to keep.
            File.Delete(file.FullPath);
            FileDurability.FlushDirectory(Path.GetDirectoryName(file.FullPath)!);
            metrics.Lost(camera.Value, stream, "empty");
            LogEmptyRemoved(logger, relativePath, repaired.OriginalLength);
            return null;
        }

        var named = DateTimeOffset.FromUnixTimeSeconds(file.Seconds);
        var start = previousEnd is { } end && end >= named.AddSeconds(-1) && end <= named.AddSeconds(2) ? end : named;
        FileDurability.FlushFileAndDirectory(file.FullPath);
        var recorded = SegmentEvents.Recorded(camera, stream, runId, relativePath, start, repaired.Index, options.NodeId);
        LogAdopted(logger, relativePath, repaired.TruncatedBytes, recorded.Duration.TotalSeconds, recorded.Gops.Count);
        return recorded;
    }

    private async Task FindMissingAsync(CameraId camera, string stream, List<IRecordingEvent> events, CancellationToken cancellationToken)
    {
        if (options.RecoveryCatalogDepth == 0)
        {
            return;
        }

        // Only rows of this node's root: in a cluster the other nodes' files are on their disks, not missing.
        foreach (var row in await catalog.LatestAsync(camera.Value, stream, layout.CatalogRootName, options.RecoveryCatalogDepth, cancellationToken))
        {
            if (row.State != CatalogSegmentState.Recorded || !StoragePaths.IsSafeRelative(row.Path) || !layout.TryResolve(row.Path, out var full))
            {
                continue;
            }

            var info = new FileInfo(full);
            SegmentLossReason? reason = !info.Exists ? SegmentLossReason.FileMissing : info.Length < row.Bytes ? SegmentLossReason.Truncated : null;
            if (reason is { } lost)
            {
                LogMissing(logger, row.Path, lost);
                events.Add(new SegmentLost(camera, stream, row.Path, lost));
            }
        }
    }

    private static List<SegmentFile> SegmentFiles(string runDirectory)
    {
        var files = new List<SegmentFile>();
        foreach (var path in Directory.EnumerateFiles(runDirectory, "*" + SegmentPathScheme.Extension))
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            if (stem.Length is > 0 and <= 12 && stem.All(char.IsAsciiDigit)
                && long.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                files.Add(new SegmentFile(Path.GetFileName(path), path, seconds));
            }
        }

        files.Sort((a, b) => a.Seconds.CompareTo(b.Seconds));
        return files;
    }

    /// <summary>Removes a run directory that holds no recording (only ffmpeg's list, or nothing): a run that never connected.</summary>
    internal static void RemoveIfEmpty(string runDirectory)
    {
        if (!Directory.Exists(runDirectory))
        {
            return;
        }

        var entries = Directory.GetFileSystemEntries(runDirectory);
        if (entries.Any(e => !string.Equals(Path.GetFileName(e), SegmentPathScheme.SegmentListFileName, StringComparison.Ordinal)))
        {
            return;
        }

        Directory.Delete(runDirectory, recursive: true);
        FileDurability.FlushDirectory(Path.GetDirectoryName(runDirectory)!);
    }

    private sealed record SegmentFile(string Name, string FullPath, long Seconds);
}
