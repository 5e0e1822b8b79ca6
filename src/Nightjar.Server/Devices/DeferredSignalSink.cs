using Nightjar.Recording.Signals;

namespace Nightjar.Server.Devices;

/// <summary>
/// The <see cref="ICameraSignalSink"/> of the node, looked up at the first signal rather than at start: device sources
/// are registered independently of the signal pipeline, and a node without one still connects to devices and shows
/// their state (events are then counted as dropped with reason <c>sink_error</c>, and logged once).
/// </summary>
internal sealed class DeferredSignalSink(IServiceProvider services) : ICameraSignalSink
{
    private ICameraSignalSink? _sink;

    public Task<SignalOutcome> ReportAsync(CameraSignal signal, CancellationToken cancellationToken)
    {
        var sink = _sink ??= services.GetService<ICameraSignalSink>()
            ?? throw new InvalidOperationException("No camera signal pipeline is registered on this node.");
        return sink.ReportAsync(signal, cancellationToken);
    }
}
