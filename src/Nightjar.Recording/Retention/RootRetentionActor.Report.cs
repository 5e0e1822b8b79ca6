using Nightjar.Recording.Cameras;
using Nightjar.Recording.Policies;

namespace Nightjar.Recording.Retention;

internal sealed partial class RootRetentionActor
{
    /// <summary>The root's figures and its cameras' configured against actual depth, with protected bytes; also feeds the gauges.</summary>
    private Task<RootReport> ReportAsync(CancellationToken cancellationToken) => ReportAsync(countProtected: true, cancellationToken);

    /// <param name="countProtected">
    /// Count protected bytes (an index query per protected span and stream): the report asks for it; after a pass
    /// the gauges keep the last count, so a pass costs no more than its planning.
    /// </param>
    /// <param name="cancellationToken">Stops the queries.</param>
    private async Task<RootReport> ReportAsync(bool countProtected, CancellationToken cancellationToken)
    {
        var now = _context.Time.GetUtcNow();
        var usage = await UsageAsync(cancellationToken);
        StorageSpace? space = null;
        try
        {
            space = _context.Space.Probe(_root.Path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogProbeFailed(Context.Log, _root.Name, error);
        }

        var protection = await _context.Protection.GetSnapshotAsync(cancellationToken);
        var registry = _context.Cameras.Registry;
        var sources = new SortedSet<string>(usage.Sources.Keys, StringComparer.Ordinal);
        sources.UnionWith(registry.Cameras.Select(c => c.Id.Value));
        var cameras = new List<CameraRetentionReport>();
        foreach (var source in sources)
        {
            if (!CameraId.TryParse(source, out var camera, out _))
            {
                continue;
            }

            var definition = registry.Find(camera);
            var policy = definition is null ? CameraRetentionPolicy.Removed(_root.DefaultDepth) : CameraRetentionPolicy.From(definition.Dvr, _root.DefaultDepth);
            var recorded = usage.Sources.GetValueOrDefault(source);
            var ranges = ProtectedRanges.Build(protection.For(camera), policy, now, _context.Options.MaxMotionLength);
            cameras.Add(new CameraRetentionReport(
                camera,
                policy.Depth.ToString(),
                policy.MotionDepth?.ToString(),
                recorded?.Oldest,
                recorded?.Oldest is { } oldest ? now - oldest : null,
                recorded?.Bytes ?? 0,
                recorded is null ? 0
                    : countProtected ? _protectedBytes[source] = await ProtectedBytesAsync(source, recorded.Streams, policy, ranges, now, cancellationToken)
                    : _protectedBytes.GetValueOrDefault(source),
                policy.SpaceBytes));
        }

        var root = new RootRetentionReport(
            _root.Name,
            usage.Bytes,
            space is { } s ? _root.ResolveLimit(s.TotalBytes) : _root.LimitBytes,
            space?.TotalBytes ?? 0,
            space?.FreeBytes ?? 0,
            _stats.LastPassAt,
            _stats.DeletedBytes.ToDictionary(d => RetentionMetrics.ReasonTag(d.Key), d => d.Value, StringComparer.Ordinal),
            _stats.EmergencyDeletions,
            _stats.LastRefusal);
        _context.Metrics.Observe(root, cameras);
        return new RootReport(root, cameras);
    }

    /// <summary>Recorded bytes of the camera's segments in this root that a motion window or a lock protects now.</summary>
    private async Task<long> ProtectedBytesAsync(
        string source,
        IReadOnlyList<string> streams,
        CameraRetentionPolicy policy,
        ProtectedRanges ranges,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        long bytes = 0;
        foreach (var (from, to) in ranges.Spans())
        {
            foreach (var stream in streams)
            {
                foreach (var segment in await _context.Catalog.FindAsync(source, stream, from, to, includeLost: false, cancellationToken))
                {
                    var kind = RetentionPlanner.Classify(segment, policy, ranges, now);
                    if (!kind.Unprotected && string.Equals(segment.StorageRoot, _catalogName, StringComparison.Ordinal) && seen.Add(segment.Id))
                    {
                        bytes += segment.Bytes;
                    }
                }
            }
        }

        return bytes;
    }
}
