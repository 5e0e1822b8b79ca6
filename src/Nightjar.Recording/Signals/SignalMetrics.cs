using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Signals;

/// <summary>Instruments of the signal pipeline, on the <c>Nightjar.Signals</c> meter.</summary>
internal sealed class SignalMetrics : IDisposable
{
    public const string MeterName = "Nightjar.Signals";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _closed;
    private readonly ConcurrentDictionary<CameraId, byte> _open = new();

    public SignalMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _received = _meter.CreateCounter<long>(
            "nightjar.signals.received", "{signal}", "Alarm and device reports received, by source and outcome (recorded, duplicate, unknown_camera).");
        _closed = _meter.CreateCounter<long>(
            "nightjar.signals.motion.closed", "{window}", "Motion windows closed, by reason (stopped, momentary, max_duration, source_lost).");
        _meter.CreateObservableGauge("nightjar.signals.motion.open", () => _open.Count, "{window}", "Cameras with a motion window open now.");
    }

    public Meter Meter => _meter;

    public int OpenWindows => _open.Count;

    public void Received(string source, SignalOutcome outcome) =>
        _received.Add(1, new TagList { { "source", source }, { "outcome", OutcomeTag(outcome) } });

    public void WindowOpen(CameraId camera, bool open)
    {
        if (open)
        {
            _open.TryAdd(camera, 0);
        }
        else
        {
            _open.TryRemove(camera, out _);
        }
    }

    public void WindowClosed(MotionStopReason reason) => _closed.Add(1, new TagList { { "reason", ReasonTag(reason) } });

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    public static string OutcomeTag(SignalOutcome outcome) => outcome switch
    {
        SignalOutcome.Recorded => "recorded",
        SignalOutcome.Duplicate => "duplicate",
        SignalOutcome.UnknownCamera => "unknown_camera",
        _ => "other",
    };

    public static string ReasonTag(MotionStopReason reason) => reason switch
    {
        MotionStopReason.Stopped => "stopped",
        MotionStopReason.Momentary => "momentary",
        MotionStopReason.MaxDuration => "max_duration",
        MotionStopReason.SourceLost => "source_lost",
        _ => "other",
    };
}
