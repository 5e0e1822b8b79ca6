using Nightjar.Media.Ts;

namespace Nightjar.Recording.Runtime.Ingest;

/// <summary>
/// Repairs a recording file that was not closed properly (a killed ffmpeg, a crashed node): cuts everything after the
/// last whole TS packet, then indexes it with <see cref="TsRepair"/>.
/// </summary>
/// <remarks>
/// Why not <see cref="TsRepair.TruncateToWholePackets"/> alone: it cuts a trailing partial packet that starts with a
/// sync byte, but bytes that hold no sync byte at all (the zero blocks a file system may leave at the end of a file
/// after a power cut, or any garbage) are skipped by the indexer as a resync and stay in the file, inside the last
/// GOP's byte range. Files ffmpeg writes start with a packet at offset 0, so the last whole packet is the last
/// 188-byte-aligned block that starts with a sync byte.
/// </remarks>
internal static class SegmentRepair
{
    private const byte SyncByte = 0x47;

    // How far back trailing damage is searched for: far more than any torn write or zeroed block.
    private const long MaxTrailingDamage = 4 * 1024 * 1024;

    public static TsRepairResult Repair(string path)
    {
        CutTrailingDamage(path);
        return TsRepair.TruncateToWholePackets(path);
    }

    private static void CutTrailingDamage(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1);
        var length = stream.Length;
        if (length < TsIndexer.PacketSize || stream.ReadByte() != SyncByte)
        {
            return; // not aligned at 0: leave it to the indexer's resync
        }

        var lowest = Math.Max(0, length - MaxTrailingDamage) / TsIndexer.PacketSize;
        for (var packet = (length / TsIndexer.PacketSize) - 1; packet >= lowest; packet--)
        {
            stream.Position = packet * TsIndexer.PacketSize;
            if (stream.ReadByte() != SyncByte)
            {
                continue;
            }

            var end = (packet + 1) * TsIndexer.PacketSize;
            if (end < length)
            {
                stream.SetLength(end);
                stream.Flush(flushToDisk: true);
            }

            return;
        }
    }
}
