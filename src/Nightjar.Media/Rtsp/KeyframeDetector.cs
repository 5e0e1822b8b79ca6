using System.Buffers.Binary;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// Classifies video RTP payloads (RFC 6184 for H.264, RFC 7798 for H.265): single NAL units,
/// aggregation packets (STAP-A, AP) and fragmentation units (FU-A, FU) with the start bit.
/// </summary>
internal static class KeyframeDetector
{
    public static NalFlags Classify(ReadOnlySpan<byte> payload, VideoCodec codec) => codec switch
    {
        VideoCodec.H264 => ClassifyH264(payload),
        VideoCodec.H265 => ClassifyH265(payload),
        _ => NalFlags.None,
    };

    private static NalFlags ClassifyH264(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 1)
        {
            return NalFlags.None;
        }

        var type = payload[0] & 0x1F;
        switch (type)
        {
            case 24:
                // STAP-A: 1-byte header, then (16-bit size, NAL unit)*.
                var flags = NalFlags.None;
                var offset = 1;
                while (offset + 2 < payload.Length)
                {
                    var size = BinaryPrimitives.ReadUInt16BigEndian(payload[offset..]);
                    offset += 2;
                    if (size == 0 || offset + size > payload.Length)
                    {
                        break;
                    }

                    flags |= H264NalType(payload[offset] & 0x1F);
                    offset += size;
                }

                return flags;
            case 28 or 29:
                // FU-A/FU-B: only the fragment with the start bit begins a NAL unit.
                return payload.Length >= 2 && (payload[1] & 0x80) != 0 ? H264NalType(payload[1] & 0x1F) : NalFlags.None;
            default:
                return H264NalType(type);
        }
    }

    private static NalFlags H264NalType(int type) => type switch
    {
        5 => NalFlags.KeyframeStart,
        7 or 8 => NalFlags.ParameterSet,
        _ => NalFlags.None,
    };

    private static NalFlags ClassifyH265(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2)
        {
            return NalFlags.None;
        }

        var type = (payload[0] >> 1) & 0x3F;
        switch (type)
        {
            case 48:
                // Aggregation packet: 2-byte header, then (16-bit size, NAL unit)* (no DONL assumed).
                var flags = NalFlags.None;
                var offset = 2;
                while (offset + 2 < payload.Length)
                {
                    var size = BinaryPrimitives.ReadUInt16BigEndian(payload[offset..]);
                    offset += 2;
                    if (size == 0 || offset + size > payload.Length)
                    {
                        break;
                    }

                    flags |= H265NalType((payload[offset] >> 1) & 0x3F);
                    offset += size;
                }

                return flags;
            case 49:
                return payload.Length >= 3 && (payload[2] & 0x80) != 0 ? H265NalType(payload[2] & 0x3F) : NalFlags.None;
            default:
                return H265NalType(type);
        }
    }

    private static NalFlags H265NalType(int type) => type switch
    {
        >= 16 and <= 21 => NalFlags.KeyframeStart,
        32 or 33 or 34 => NalFlags.ParameterSet,
        _ => NalFlags.None,
    };
}
