using System.Buffers.Binary;

namespace Nightjar.Media.Rtsp;

/// <summary>Reads the fixed RTP header (RFC 3550 §5.1) without copying.</summary>
internal static class RtpHeader
{
    public const int MinimumLength = 12;

    public static bool TryRead(ReadOnlySpan<byte> packet, out ushort sequence, out uint timestamp, out int payloadOffset, out int payloadLength)
    {
        sequence = 0;
        timestamp = 0;
        payloadOffset = 0;
        payloadLength = 0;
        if (packet.Length < MinimumLength || (packet[0] >> 6) != 2)
        {
            return false;
        }

        var csrcCount = packet[0] & 0x0F;
        var offset = MinimumLength + (csrcCount * 4);
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < offset + 4)
            {
                return false;
            }

            offset += 4 + (BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) * 4);
        }

        var end = packet.Length;
        if ((packet[0] & 0x20) != 0 && end > 0)
        {
            end -= packet[^1];
        }

        if (offset > end)
        {
            return false;
        }

        sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        payloadOffset = offset;
        payloadLength = end - offset;
        return true;
    }
}
