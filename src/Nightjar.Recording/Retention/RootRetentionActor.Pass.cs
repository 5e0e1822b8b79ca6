using System.Globalization;
using Nightjar.Persistence;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Runtime.Recovery;

namespace Nightjar.Recording.Retention;

internal sealed partial class RootRetentionActor
{
    private async Task<RetentionPassResult> PassAsync(CancellationToken cancellationToken)
    {
        var started = _context.Time.GetTimestamp();
        var now = _context.Time.GetUtcNow();
        try
        {
            return await PassCoreAsync(now, cancellationToken);
        }
        finally
        {
            _stats.LastPassAt = now;
            _context.Metrics.PassCompleted(_root.Name, _context.Time.GetElapsedTime(started));
        }
    }

    private async Task<RetentionPassResult> PassCoreAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<SegmentDeleted> finished;
        RetentionPlan plan;
        var stage = "the index is missing or unreadable";
        try
        {
            // Also brings the catalog up to the journal, so what this pass reads includes every earlier deletion.
            finished = await _executor.FinishInterruptedAsync(cancellationToken);
            await EnsureIndexAsync(cancellationToken);
            var usage = await UsageAsync(cancellationToken);
            stage = "the filesystem cannot be read";
            var space = _context.Space.Probe(_root.Path);
            stage = "the motion windows and evidence locks cannot be read";
            var protection = await _context.Protection.GetSnapshotAsync(cancellationToken);
            stage = "the index is unreadable";
            plan = await RetentionPlanner.PlanAsync(Input(now, usage, space, protection), Segments(), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RefuseAsync($"{stage}: {error.Message}", now, error, cancellationToken);
            Schedule(_context.Options.PassInterval);
            return RetentionPassResult.Empty with { Refused = true };
        }

        if (plan.Refusal is { } refusal)
        {
            await RefuseAsync(refusal, now, null, cancellationToken);
        }
        else
        {
            _stats.LastRefusal = null;
        }

        var deleted = await _executor.ExecuteAsync(plan.Deletions, cancellationToken);
        IReadOnlyList<SegmentDeleted> all = [.. finished, .. deleted];
        _stats.Count(all);
        _context.Metrics.Deleted(all);
        await AlarmAfterPassAsync(plan, deleted, now, cancellationToken);
        var result = Summarize(deleted, plan.Refusal is not null);
        var expired = result.ByReason.GetValueOrDefault(SegmentDeletionReason.Expired);
        var cameraSpace = result.ByReason.GetValueOrDefault(SegmentDeletionReason.CameraSpace);
        var rootLimit = result.ByReason.GetValueOrDefault(SegmentDeletionReason.RootLimit);
        var emergency = result.ByReason.GetValueOrDefault(SegmentDeletionReason.Emergency);
        LogPassCompleted(Context.Log, _root.Name, result.Deleted, result.BytesFreed, expired, cameraSpace, rootLimit, emergency, plan.Bounded);
        Schedule(plan.Bounded ? _context.Options.BacklogPassDelay : _context.Options.PassInterval);
        await ReportAsync(countProtected: false, cancellationToken);
        return result;
    }

    private RetentionPlanInput Input(DateTimeOffset now, RootUsage usage, StorageSpace space, ProtectionSnapshot protection)
    {
        var policies = _context.Cameras.Registry.Cameras.ToDictionary(
            c => c.Id.Value,
            c => CameraRetentionPolicy.From(c.Dvr, _root.DefaultDepth),
            StringComparer.Ordinal);
        return new RetentionPlanInput(
            now,
            policies,
            CameraRetentionPolicy.Removed(_root.DefaultDepth),
            protection,
            _context.Pins.IsPinned,
            usage.Sources.ToDictionary(s => s.Key, s => s.Value.Bytes, StringComparer.Ordinal),
            usage.Bytes,
            usage.Segments,
            _root.ResolveLimit(space.TotalBytes),
            space.FreeBytes,
            _context.Options.MinFreeBytes,
            _context.Options.MaxDeletionsPerPass,
            _context.Options.MaxMotionLength,
            LowWaterMark);
    }

    private CatalogRetentionSegments Segments() => new(_context.Catalog, _catalogName);

    /// <summary>An index that was never built (no projection offset while the journal has segment events) is missing.</summary>
    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        var offset = await _context.Catalog.GetProjectionOffsetAsync(CatalogProjector.ProjectionName, cancellationToken);
        if (offset == JournalOffset.Start
            && (await _context.Journal.ReadByTagAsync(JournalNames.SegmentTag, JournalOffset.Start, 1, cancellationToken)).Count > 0)
        {
            throw new InvalidOperationException("the segment index has not projected the journal");
        }
    }

    /// <summary>
    /// From the index's summary when this is the node's only root (the summary has no root column, but filters by one); otherwise by
    /// walking the root's segments.
    /// </summary>
    private async Task<RootUsage> UsageAsync(CancellationToken cancellationToken)
    {
        var sources = new Dictionary<string, (long Bytes, long Segments, DateTimeOffset? Oldest, SortedSet<string> Streams)>(StringComparer.Ordinal);
        void Add(string source, string stream, long bytes, long segments, DateTimeOffset? oldest)
        {
            var current = sources.GetValueOrDefault(source, (0, 0, null, new SortedSet<string>(StringComparer.Ordinal)));
            current.Streams.Add(stream);
            var earliest = current.Oldest is null || (oldest is not null && oldest < current.Oldest) ? oldest : current.Oldest;
            sources[source] = (current.Bytes + bytes, current.Segments + segments, earliest, current.Streams);
        }

        if (_context.RootCount == 1)
        {
            // A single node's only root owns every row; a cluster node's summary is of its own root only.
            var root = _context.Options.NodeId is null ? null : _catalogName;
            foreach (var summary in await _context.Catalog.SummarizeAsync(null, root, cancellationToken))
            {
                Add(summary.Source, summary.Stream, summary.Bytes, summary.Segments, summary.Oldest);
            }
        }
        else
        {
            await foreach (var segment in Segments().OldestAsync(null, null, cancellationToken))
            {
                Add(segment.Source, segment.Stream, segment.Bytes, 1, segment.Start);
            }
        }

        return new RootUsage(
            sources.ToDictionary(s => s.Key, s => new SourceUsage(s.Value.Bytes, s.Value.Segments, s.Value.Oldest, [.. s.Value.Streams]), StringComparer.Ordinal),
            sources.Values.Sum(s => s.Bytes),
            sources.Values.Sum(s => s.Segments));
    }

    private async Task RefuseAsync(string reason, DateTimeOffset now, Exception? error, CancellationToken cancellationToken)
    {
        _stats.LastRefusal = reason;
        _context.Metrics.Refused(_root.Name);
        LogPassRefused(Context.Log, _root.Name, reason, error);
        try
        {
            await _executor.AlarmAsync(new StorageAlarm(_root.Name, StorageAlarmKind.PassRefused, "Retention refused a pass: " + reason + ".", now), cancellationToken);
        }
        catch (Exception alarmError) when (alarmError is not OperationCanceledException)
        {
            // The journal may be what failed; the refusal is logged and counted either way.
            LogAlarmFailed(Context.Log, _root.Name, alarmError);
        }
    }

    private async Task AlarmAfterPassAsync(RetentionPlan plan, IReadOnlyList<SegmentDeleted> deleted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var emergency = deleted.Where(d => d.Reason == SegmentDeletionReason.Emergency).ToList();
        if (emergency.Count > 0)
        {
            var locked = emergency.Count(d => d.Protection == SegmentProtection.Lock);
            LogEmergency(Context.Log, _root.Name, emergency.Count, emergency.Sum(d => d.Bytes), locked);
            if (locked > 0)
            {
                var detail = string.Create(
                    CultureInfo.InvariantCulture,
                    $"The filesystem was about to fill: retention deleted {locked} evidence-locked segment(s) ({string.Join(", ", emergency.Where(d => d.Protection == SegmentProtection.Lock).Select(d => d.CameraId.Value).Distinct())}).");
                await _executor.AlarmAsync(new StorageAlarm(_root.Name, StorageAlarmKind.LockedDeleted, detail, now), cancellationToken);
            }
        }

        if (plan.DiskStillFull && !_stats.DiskFullRaised)
        {
            _stats.DiskFullRaised = true;
            LogDiskFull(Context.Log, _root.Name, _context.Options.MinFreeBytes);
            await _executor.AlarmAsync(
                new StorageAlarm(_root.Name, StorageAlarmKind.DiskFull, "Free space stays below the minimum after every deletion retention may do.", now),
                cancellationToken);
        }
        else if (!plan.DiskStillFull)
        {
            _stats.DiskFullRaised = false;
        }
    }

    private static RetentionPassResult Summarize(IReadOnlyList<SegmentDeleted> deleted, bool refused) =>
        new(
            deleted.Count,
            deleted.Sum(d => d.Bytes),
            deleted.GroupBy(d => d.Reason).ToDictionary(g => g.Key, g => g.Count()),
            refused);
}
