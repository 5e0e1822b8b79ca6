using System.Diagnostics.Metrics;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// Instruments of the relay under the meter <c>Nightjar.Media</c>. Relayed bytes and packets are summed in plain
/// fields on the hot path and exposed as observable counters, so a packet costs an interlocked add, not a tag lookup.
/// </summary>
internal sealed class RtspMetrics : IDisposable
{
    public const string MeterName = "Nightjar.Media";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly UpDownCounter<long> _sessions;
    private readonly Counter<long> _readersDropped;
    private readonly Counter<long> _authFailures;
    private long _bytesIn;
    private long _bytesOut;
    private long _packetsIn;
    private long _packetsOut;

    public RtspMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(MeterName)) ?? new Meter(MeterName);
        _sessions = _meter.CreateUpDownCounter<long>("nightjar.rtsp.sessions", "{session}", "Open RTSP sessions by role (publisher, reader).");
        _readersDropped = _meter.CreateCounter<long>("nightjar.rtsp.readers.dropped", "{reader}", "Readers disconnected because they could not keep up.");
        _authFailures = _meter.CreateCounter<long>("nightjar.rtsp.auth.failures", "{request}", "Requests whose credentials or token were rejected.");
        _meter.CreateObservableCounter("nightjar.rtsp.bytes", ObserveBytes, "By", "RTP/RTCP bytes received from publishers (in) and sent to readers (out).");
        _meter.CreateObservableCounter("nightjar.rtsp.packets", ObservePackets, "{packet}", "RTP/RTCP packets received from publishers (in) and sent to readers (out).");
    }

    /// <summary>The meter itself, so tests can tell this server's measurements from another's.</summary>
    public Meter Meter => _meter;

    public long BytesOut => Interlocked.Read(ref _bytesOut);

    public long PacketsOut => Interlocked.Read(ref _packetsOut);

    public void SessionOpened(bool publisher) => _sessions.Add(1, new KeyValuePair<string, object?>("role", publisher ? "publisher" : "reader"));

    public void SessionClosed(bool publisher) => _sessions.Add(-1, new KeyValuePair<string, object?>("role", publisher ? "publisher" : "reader"));

    public void ReaderDropped(string reason) => _readersDropped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void AuthFailed(RtspAccess access) =>
        _authFailures.Add(1, new KeyValuePair<string, object?>("access", access == RtspAccess.Read ? "read" : "publish"));

    public void Received(int bytes)
    {
        Interlocked.Add(ref _bytesIn, bytes);
        Interlocked.Increment(ref _packetsIn);
    }

    public void Sent(int packets, long bytes)
    {
        Interlocked.Add(ref _bytesOut, bytes);
        Interlocked.Add(ref _packetsOut, packets);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<long>> ObserveBytes() =>
    [
        new(Interlocked.Read(ref _bytesIn), new KeyValuePair<string, object?>("direction", "in")),
        new(Interlocked.Read(ref _bytesOut), new KeyValuePair<string, object?>("direction", "out")),
    ];

    private IEnumerable<Measurement<long>> ObservePackets() =>
    [
        new(Interlocked.Read(ref _packetsIn), new KeyValuePair<string, object?>("direction", "in")),
        new(Interlocked.Read(ref _packetsOut), new KeyValuePair<string, object?>("direction", "out")),
    ];
}
