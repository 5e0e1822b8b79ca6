using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nightjar.Recording.Devices;

/// <summary>Instruments of device event sources, on the <c>Nightjar.Devices</c> meter.</summary>
internal sealed class DeviceMetrics : IDisposable
{
    public const string MeterName = "Nightjar.Devices";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _parseErrors;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _dropped;
    private long _connected;

    public DeviceMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _received = _meter.CreateCounter<long>("nightjar.devices.events.received", "{event}", "Events parsed from device event streams, heartbeats included, by kind and type.");
        _parseErrors = _meter.CreateCounter<long>("nightjar.devices.parse.errors", "{error}", "Damaged parts of device event streams survived, by error: xml, json, boundary, truncated, oversized.");
        _reconnects = _meter.CreateCounter<long>("nightjar.devices.reconnects", "{reconnect}", "Connection attempts to devices after the first.");
        _dropped = _meter.CreateCounter<long>("nightjar.devices.events.dropped", "{event}", "Device events not delivered, by reason: unclaimed_channel, unknown_camera, sink_error.");
        _meter.CreateObservableGauge("nightjar.devices.connected", () => Interlocked.Read(ref _connected), "{connection}", "Device event streams open right now.");
    }

    public Meter Meter => _meter;

    public void EventReceived(string kind, string typeTag) =>
        _received.Add(1, new TagList { { "kind", kind }, { "type", typeTag } });

    public void ParseError(string kind, string error) =>
        _parseErrors.Add(1, new TagList { { "kind", kind }, { "error", error } });

    public void Reconnect(string kind) => _reconnects.Add(1, new TagList { { "kind", kind } });

    public void Dropped(string kind, string reason) =>
        _dropped.Add(1, new TagList { { "kind", kind }, { "reason", reason } });

    public void Connected() => Interlocked.Increment(ref _connected);

    public void Disconnected() => Interlocked.Decrement(ref _connected);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
