using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Retention;

/// <summary>Instruments of retention, on the <c>Nightjar.Retention</c> meter. Gauges read the latest pass's figures.</summary>
internal sealed class RetentionMetrics : IDisposable
{
    public const string MeterName = "Nightjar.Retention";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _deletedBytes;
    private readonly Counter<long> _deletedSegments;
    private readonly Counter<long> _emergency;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _passDuration;
    private readonly ConcurrentDictionary<string, RootRetentionReport> _roots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CameraRetentionReport> _cameras = new(StringComparer.Ordinal);

    public RetentionMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _deletedBytes = _meter.CreateCounter<long>("nightjar.retention.deleted.bytes", "By", "Recorded bytes of deleted segments, by reason.");
        _deletedSegments = _meter.CreateCounter<long>("nightjar.retention.deleted.segments", "{segment}", "Deleted segments, by reason.");
        _emergency = _meter.CreateCounter<long>("nightjar.retention.emergency.deletions", "{segment}", "Segments deleted because the filesystem was about to fill.");
        _refused = _meter.CreateCounter<long>("nightjar.retention.passes.refused", "{pass}", "Passes refused (index missing or unreadable, or more than half of a root at once).");
        _passDuration = _meter.CreateHistogram<double>("nightjar.retention.pass.duration", "s", "Duration of a retention pass over one root.");
        _meter.CreateObservableGauge("nightjar.retention.root.used", () => Roots(r => r.UsedBytes), "By", "Recorded bytes of a storage root, from the index.");
        _meter.CreateObservableGauge("nightjar.retention.root.limit", () => Roots(r => r.LimitBytes), "By", "A storage root's limit.");
        _meter.CreateObservableGauge("nightjar.retention.root.free", () => Roots(r => r.FreeBytes), "By", "Free space of a storage root's filesystem.");
        _meter.CreateObservableGauge(
            "nightjar.retention.camera.depth.configured",
            () => Cameras(c => c.Depth == Policies.DepthLimit.UnlimitedText ? null : Policies.DepthLimit.Parse(c.Depth).Duration?.TotalSeconds),
            "s",
            "A camera's configured (effective) depth; absent when unlimited.");
        _meter.CreateObservableGauge("nightjar.retention.camera.depth.actual", () => Cameras(c => c.ActualDepth?.TotalSeconds), "s", "Age of a camera's oldest recording.");
        _meter.CreateObservableGauge("nightjar.retention.camera.protected", () => Cameras(c => (double?)c.ProtectedBytes), "By", "Bytes of a camera's motion-protected and locked recordings.");
    }

    public Meter Meter => _meter;

    public void Deleted(IReadOnlyList<SegmentDeleted> deleted)
    {
        foreach (var segment in deleted)
        {
            var tags = new TagList { { "reason", ReasonTag(segment.Reason) } };
            _deletedSegments.Add(1, tags);
            _deletedBytes.Add(segment.Bytes, tags);
            if (segment.Reason == SegmentDeletionReason.Emergency)
            {
                _emergency.Add(1);
            }
        }
    }

    public void Refused(string root) => _refused.Add(1, new TagList { { "root", root } });

    public void PassCompleted(string root, TimeSpan duration) => _passDuration.Record(duration.TotalSeconds, new TagList { { "root", root } });

    public void Observe(RootRetentionReport root, IReadOnlyList<CameraRetentionReport> cameras)
    {
        _roots[root.Name] = root;
        foreach (var camera in cameras)
        {
            _cameras[camera.CameraId.Value] = camera;
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal static string ReasonTag(SegmentDeletionReason reason) => reason switch
    {
        SegmentDeletionReason.Expired => "expired",
        SegmentDeletionReason.CameraSpace => "camera_space",
        SegmentDeletionReason.RootLimit => "root_limit",
        _ => "emergency",
    };

    private IEnumerable<Measurement<long>> Roots(Func<RootRetentionReport, long?> value)
    {
        foreach (var root in _roots.Values)
        {
            if (value(root) is { } v)
            {
                yield return new Measurement<long>(v, new KeyValuePair<string, object?>("root", root.Name));
            }
        }
    }

    private IEnumerable<Measurement<double>> Cameras(Func<CameraRetentionReport, double?> value)
    {
        foreach (var camera in _cameras.Values)
        {
            if (value(camera) is { } v)
            {
                yield return new Measurement<double>(v, new KeyValuePair<string, object?>("camera", camera.CameraId.Value));
            }
        }
    }
}
