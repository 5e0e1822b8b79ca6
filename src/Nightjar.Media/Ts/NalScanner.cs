namespace Nightjar.Media.Ts;

/// <summary>Looks at the NAL units at the start of an access unit to tell a keyframe apart.</summary>
internal static class NalScanner
{
    public enum Verdict
    {
        Undecided,
        Key,
        NotKey,
    }

    /// <summary>
    /// Keyframe when an IDR slice or a parameter set appears before the first slice; not a keyframe
    /// when the first slice is not IRAP; undecided when the bytes end before any slice.
    /// </summary>
    public static Verdict Scan(ReadOnlySpan<byte> es, TsVideoCodec codec)
    {
        var i = 0;
        while (i + 3 < es.Length)
        {
            if (es[i] != 0 || es[i + 1] != 0 || es[i + 2] != 1)
            {
                i++;
                continue;
            }

            var header = es[i + 3];
            var verdict = codec == TsVideoCodec.H265 ? ClassifyH265(header) : ClassifyH264(header);
            if (verdict != Verdict.Undecided)
            {
                return verdict;
            }

            i += 3;
        }

        return Verdict.Undecided;
    }

    private static Verdict ClassifyH264(byte header)
    {
        var type = header & 0x1F;
        return type switch
        {
            5 or 7 => Verdict.Key, // IDR slice, SPS
            >= 1 and <= 4 => Verdict.NotKey, // non-IDR slices
            _ => Verdict.Undecided, // AUD, SEI, PPS, ...
        };
    }

    private static Verdict ClassifyH265(byte header)
    {
        var type = (header >> 1) & 0x3F;
        return type switch
        {
            >= 16 and <= 21 => Verdict.Key, // IRAP: BLA, IDR, CRA
            32 or 33 => Verdict.Key, // VPS, SPS
            <= 15 => Verdict.NotKey,
            _ => Verdict.Undecided,
        };
    }
}
