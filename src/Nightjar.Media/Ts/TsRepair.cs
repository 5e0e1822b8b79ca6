namespace Nightjar.Media.Ts;

/// <summary>
/// Crash recovery of a recording file left open: ffmpeg flushes every packet (flush_packets=1), so
/// after a crash the file is readable up to its last whole packet (media.md E3).
/// </summary>
public static class TsRepair
{
    /// <summary>
    /// Scans the file, cuts a trailing partial packet (and anything unreadable after the last
    /// packet), flushes it to disk and returns the index of what remains. A file that is not TS
    /// throws <see cref="TsFormatException"/> and is left unchanged.
    /// </summary>
    public static TsRepairResult TruncateToWholePackets(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var original = stream.Length;
        var indexer = new TsIndexer();
        indexer.ReadToEnd(stream, cancellationToken);
        var index = indexer.Complete();
        if (index.IndexedLength < original)
        {
            stream.SetLength(index.IndexedLength);
            stream.Flush(flushToDisk: true);
        }

        return new TsRepairResult(path, original, index.IndexedLength, index);
    }
}
