namespace Nightjar.Media.Ts;

/// <summary>Reads the two PSI tables the indexer needs: PAT (program → PMT PID) and PMT (video PID and type).</summary>
internal static class PsiTables
{
    public const byte PatTableId = 0x00;
    public const byte PmtTableId = 0x02;

    /// <summary>Returns the PMT PID of the first program of a CRC-checked PAT section, or -1.</summary>
    public static int FirstProgramMapPid(ReadOnlySpan<byte> section)
    {
        if (section.Length < 12 || section[0] != PatTableId)
        {
            return -1;
        }

        // 8 bytes of section header, then 4-byte entries, then the 4-byte CRC.
        var entries = section[8..^4];
        for (var i = 0; i + 4 <= entries.Length; i += 4)
        {
            var program = (entries[i] << 8) | entries[i + 1];
            var pid = ((entries[i + 2] & 0x1F) << 8) | entries[i + 3];
            if (program != 0)
            {
                return pid;
            }
        }

        return -1;
    }

    /// <summary>Finds the first H.264 or H.265 stream of a CRC-checked PMT section.</summary>
    public static bool TryFindVideo(ReadOnlySpan<byte> section, out int videoPid, out TsVideoCodec codec)
    {
        videoPid = -1;
        codec = TsVideoCodec.Unknown;
        if (section.Length < 16 || section[0] != PmtTableId)
        {
            return false;
        }

        var programInfoLength = ((section[10] & 0x0F) << 8) | section[11];
        var position = 12 + programInfoLength;
        var end = section.Length - 4;
        while (position + 5 <= end)
        {
            var streamType = section[position];
            var pid = ((section[position + 1] & 0x1F) << 8) | section[position + 2];
            var infoLength = ((section[position + 3] & 0x0F) << 8) | section[position + 4];
            if (streamType is (byte)TsVideoCodec.H264 or (byte)TsVideoCodec.H265)
            {
                videoPid = pid;
                codec = (TsVideoCodec)streamType;
                return true;
            }

            position += 5 + infoLength;
        }

        return false;
    }
}
