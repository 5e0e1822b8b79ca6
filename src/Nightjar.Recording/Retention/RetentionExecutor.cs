using Microsoft.Extensions.Logging;
using Nightjar.Actors.Persistence;
using Nightjar.Media.Segments;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Runtime.Recovery;

namespace Nightjar.Recording.Retention;

/// <summary>
/// Deletes planned segments of one storage root in Moonfire's crash-safe order, a batch at a time: journal the
/// batch's <see cref="SegmentGarbageMarked"/> (one append; projected at once, so playback stops serving them), unlink
/// every file (a missing one is fine), fsync each touched directory once, journal the batch's
/// <see cref="SegmentDeleted"/> (one append), project again. A crash anywhere leaves garbage rows, which
/// <see cref="FinishInterruptedAsync"/> completes. The only writer of <c>retention/{root}</c>.
/// </summary>
internal sealed partial class RetentionExecutor(
    string rootName,
    string catalogRootName,
    string? node,
    SafePathResolver resolver,
    IEventJournal journal,
    ISegmentCatalog catalog,
    CatalogProjector projector,
    int batchSize,
    ILogger logger)
{
    private long _sequence = -1;

    /// <summary>
    /// The persistence id deletions and storage alarms of this root are journaled under: <c>retention/{root}</c>, or
    /// <c>retention/{node}/{root}</c> in a cluster, where every node has roots of the same names.
    /// </summary>
    public string PersistenceId { get; } = node is null ? "retention/" + rootName : "retention/" + node + "/" + rootName;

    /// <summary>Crash tests: throws at a step to leave the batch half done, as a killed process would.</summary>
    public Func<RetentionStep, ValueTask>? FaultInjection { get; set; }

    /// <summary>Completes deletions a crash (or a failed unlink) interrupted: every garbage row of this root is unlinked and deleted.</summary>
    /// <returns>The deletions journaled.</returns>
    public async Task<IReadOnlyList<SegmentDeleted>> FinishInterruptedAsync(CancellationToken cancellationToken)
    {
        // Marks journaled but not yet projected become garbage rows here.
        await projector.CatchUpAsync(cancellationToken);
        var reasons = await RecentMarksAsync(cancellationToken);
        var finished = new List<SegmentDeleted>();
        CatalogSegment? after = null;
        while (true)
        {
            var page = await catalog.InStateAsync(CatalogSegmentState.Garbage, catalogRootName, after, batchSize, cancellationToken);
            var mine = page.Where(s => string.Equals(s.StorageRoot, catalogRootName, StringComparison.Ordinal)).ToList();
            if (mine.Count > 0)
            {
                var deleted = await UnlinkAndRecordAsync(
                    mine,
                    s => (reasons.TryGetValue(s.Path, out var reason) ? reason : SegmentDeletionReason.Expired, SegmentProtection.None),
                    cancellationToken);
                finished.AddRange(deleted);
            }

            if (page.Count < batchSize)
            {
                break;
            }

            after = page[^1];
        }

        if (finished.Count > 0)
        {
            LogInterruptedFinished(logger, rootName, finished.Count);
        }

        return finished;
    }

    /// <summary>Deletes <paramref name="deletions"/> batch by batch; returns what was deleted (a file that could not be unlinked stays garbage).</summary>
    public async Task<IReadOnlyList<SegmentDeleted>> ExecuteAsync(IReadOnlyList<PlannedDeletion> deletions, CancellationToken cancellationToken)
    {
        var done = new List<SegmentDeleted>(deletions.Count);
        foreach (var batch in deletions.Where(d => CameraId.IsValid(d.Segment.Source)).Chunk(batchSize))
        {
            await AppendAsync(
                batch.Select(d => new SegmentGarbageMarked(new CameraId(d.Segment.Source), d.Segment.Stream, d.Segment.Path, d.Reason)),
                cancellationToken);
            await projector.CatchUpAsync(cancellationToken);
            await InjectAsync(RetentionStep.Marked);
            var planned = batch.ToDictionary(d => d.Segment.Path, StringComparer.Ordinal);
            done.AddRange(await UnlinkAndRecordAsync(
                [.. batch.Select(d => d.Segment)],
                s => (planned[s.Path].Reason, planned[s.Path].Protection),
                cancellationToken));
        }

        return done;
    }

    /// <summary>Journals a storage alarm under this root's persistence id.</summary>
    public Task AlarmAsync(StorageAlarm alarm, CancellationToken cancellationToken) => AppendAsync([alarm], cancellationToken);

    private async Task<IReadOnlyList<SegmentDeleted>> UnlinkAndRecordAsync(
        List<CatalogSegment> segments,
        Func<CatalogSegment, (SegmentDeletionReason Reason, SegmentProtection Protection)> why,
        CancellationToken cancellationToken)
    {
        var directories = new HashSet<string>(StringComparer.Ordinal);
        var unlinked = new List<SegmentDeleted>(segments.Count);
        foreach (var segment in segments)
        {
            if (!StoragePaths.IsSafeRelative(segment.Path) || !resolver.TryResolve(segment.Path, out var full))
            {
                // A row that cannot name a file under the root never had one there: only the row goes.
                LogUnsafePath(logger, rootName, segment.Path);
            }
            else
            {
                try
                {
                    File.Delete(full);
                    directories.Add(Path.GetDirectoryName(full)!);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    LogUnlinkFailed(logger, rootName, segment.Path, error);
                    continue;
                }
            }

            var (reason, protection) = why(segment);
            unlinked.Add(new SegmentDeleted(new CameraId(segment.Source), segment.Stream, segment.Path, segment.Start, segment.End, segment.Bytes, reason, protection));
        }

        foreach (var directory in directories)
        {
            if (Directory.Exists(directory))
            {
                FileDurability.FlushDirectory(directory);
            }
        }

        await InjectAsync(RetentionStep.Unlinked);
        await AppendAsync(unlinked, cancellationToken);
        await projector.CatchUpAsync(cancellationToken);
        return unlinked;
    }

    /// <summary>Reasons of the marks at the end of this root's stream: the batch a crash can have interrupted.</summary>
    private async Task<Dictionary<string, SegmentDeletionReason>> RecentMarksAsync(CancellationToken cancellationToken)
    {
        var head = await HeadAsync(cancellationToken);
        var reasons = new Dictionary<string, SegmentDeletionReason>(StringComparer.Ordinal);
        await foreach (var @event in journal.ReadEventsAsync(PersistenceId, Math.Max(1, head - (4L * batchSize)), head, cancellationToken))
        {
            if (@event.Payload is SegmentGarbageMarked mark)
            {
                reasons[mark.Path] = mark.Reason;
            }
        }

        return reasons;
    }

    private async Task AppendAsync(IEnumerable<IRecordingEvent> events, CancellationToken cancellationToken)
    {
        var batch = events.Select(e => new EventToPersist(e, JournalNames.TagsOf(e))).ToList();
        if (batch.Count == 0)
        {
            return;
        }

        var head = await HeadAsync(cancellationToken);
        try
        {
            _sequence = await journal.AppendAsync(PersistenceId, head, batch, cancellationToken);
        }
        catch
        {
            // On doubt (a cancelled append may still commit), read the head again next time.
            _sequence = -1;
            throw;
        }
    }

    private async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        if (_sequence < 0)
        {
            _sequence = await journal.ReadHighestSequenceNrAsync(PersistenceId, cancellationToken);
        }

        return _sequence;
    }

    private ValueTask InjectAsync(RetentionStep step) => FaultInjection?.Invoke(step) ?? ValueTask.CompletedTask;
}
