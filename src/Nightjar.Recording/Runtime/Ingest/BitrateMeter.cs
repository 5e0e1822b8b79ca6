namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>
/// Measured ingest bit rate: bytes written to the recording files over the last <see cref="Window"/> of wall time.
/// Measured on the files rather than taken from ffmpeg's progress, which reports an average over the whole run (and
/// N/A for some outputs). Not thread-safe.
/// </summary>
internal sealed class BitrateMeter
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly Queue<(DateTimeOffset At, long Bytes)> _samples = new();

    /// <summary>Forgets the samples (a new run).</summary>
    public void Reset() => _samples.Clear();

    /// <summary>Records that <paramref name="totalBytes"/> had been written by <paramref name="at"/>.</summary>
    public void Sample(DateTimeOffset at, long totalBytes)
    {
        _samples.Enqueue((at, totalBytes));
        while (_samples.Count > 2 && at - _samples.Peek().At > Window)
        {
            _samples.Dequeue();
        }
    }

    /// <summary>kbit/s over the samples, or null with less than a second of them.</summary>
    public double? Kbps()
    {
        if (_samples.Count < 2)
        {
            return null;
        }

        var first = _samples.Peek();
        var last = _samples.Last();
        var seconds = (last.At - first.At).TotalSeconds;
        return seconds < 1 ? null : Math.Round((last.Bytes - first.Bytes) * 8 / 1000.0 / seconds, 1);
    }
}
