namespace Nightjar.Recording.Signals;

/// <summary>
/// Where alarm calls and device event sources deliver what they hear. Implementations deduplicate (an
/// <c>active</c> repeated every second is one ongoing event), tolerate out-of-order reports, and journal the
/// result before the returned task completes.
/// </summary>
public interface ICameraSignalSink
{
    /// <summary>Accepts one signal; <see cref="SignalOutcome.UnknownCamera"/> when the camera does not exist.</summary>
    Task<SignalOutcome> ReportAsync(CameraSignal signal, CancellationToken cancellationToken);
}
