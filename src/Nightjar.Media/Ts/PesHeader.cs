namespace Nightjar.Media.Ts;

/// <summary>The parts of a PES header the indexer uses.</summary>
/// <param name="Pts">Raw 33-bit PTS, or -1 when absent.</param>
/// <param name="Dts">Raw 33-bit DTS, or -1 when absent.</param>
/// <param name="PayloadOffset">Where the elementary stream starts in the PES bytes.</param>
internal readonly record struct PesHeader(long Pts, long Dts, int PayloadOffset)
{
    /// <summary>Bytes needed before <see cref="TryParse"/> can decide.</summary>
    public const int FixedLength = 9;

    public enum Result
    {
        Ok,
        NeedMoreData,
        Invalid,
    }

    public static Result TryParse(ReadOnlySpan<byte> pes, out PesHeader header)
    {
        header = default;
        if (pes.Length < FixedLength)
        {
            return Result.NeedMoreData;
        }

        if (pes[0] != 0 || pes[1] != 0 || pes[2] != 1 || (pes[6] & 0xC0) != 0x80)
        {
            return Result.Invalid;
        }

        var flags = pes[7] >> 6;
        var headerDataLength = pes[8];
        var payloadOffset = FixedLength + headerDataLength;
        if (pes.Length < payloadOffset)
        {
            return Result.NeedMoreData;
        }

        long pts = -1;
        long dts = -1;
        if (flags is 2 or 3)
        {
            if (headerDataLength < 5)
            {
                return Result.Invalid;
            }

            pts = ReadTimestamp(pes[9..]);
            dts = pts;
        }

        if (flags == 3)
        {
            if (headerDataLength < 10)
            {
                return Result.Invalid;
            }

            dts = ReadTimestamp(pes[14..]);
        }

        header = new PesHeader(pts, dts, payloadOffset);
        return Result.Ok;
    }

    private static long ReadTimestamp(ReadOnlySpan<byte> b) =>
        ((long)(b[0] & 0x0E) << 29) | ((long)b[1] << 22) | ((long)(b[2] & 0xFE) << 14) | ((long)b[3] << 7) | ((long)b[4] >> 1);
}
