namespace Nightjar.Media.Rtsp;

/// <summary>Drains a reader's queue to its transport (TCP interleaved or UDP).</summary>
internal interface IRtpSender
{
    /// <summary>Sends until the queue completes or the transport fails; releases every packet it takes.</summary>
    Task PumpAsync(ReaderQueue queue);
}
