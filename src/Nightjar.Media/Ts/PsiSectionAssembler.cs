namespace Nightjar.Media.Ts;

/// <summary>
/// Collects one PSI section (PAT or PMT) that may span several packets of a PID. Only the first
/// section starting in a packet is used: PAT and PMT of a single program fit in one section.
/// </summary>
internal sealed class PsiSectionAssembler
{
    // A PSI section is at most 3 + 1021 bytes (section_length is 10 bits, max 1021 for PAT/PMT).
    private const int MaxSection = 1024;

    private readonly byte[] _buffer = new byte[MaxSection];
    private int _length;
    private int _expected = -1;

    /// <summary>Feeds the payload of one packet; returns true when <paramref name="section"/> holds a whole, CRC-checked section.</summary>
    public bool Push(ReadOnlySpan<byte> payload, bool payloadUnitStart, out ReadOnlySpan<byte> section)
    {
        section = default;
        if (payloadUnitStart)
        {
            if (payload.IsEmpty)
            {
                return Reset();
            }

            var pointer = payload[0];
            if (1 + pointer >= payload.Length)
            {
                return Reset();
            }

            _length = 0;
            _expected = -1;
            payload = payload[(1 + pointer)..];
        }
        else if (_expected < 0 && _length == 0)
        {
            return false; // continuation of a section whose start we never saw
        }

        var room = MaxSection - _length;
        var take = Math.Min(room, payload.Length);
        payload[..take].CopyTo(_buffer.AsSpan(_length));
        _length += take;

        if (_expected < 0 && _length >= 3)
        {
            var sectionLength = ((_buffer[1] & 0x0F) << 8) | _buffer[2];
            if (sectionLength < 9 || sectionLength > MaxSection - 3)
            {
                return Reset();
            }

            _expected = 3 + sectionLength;
        }

        if (_expected < 0 || _length < _expected)
        {
            return false;
        }

        var whole = _buffer.AsSpan(0, _expected);
        _length = 0;
        _expected = -1;
        if (Crc32Mpeg2.Compute(whole) != 0)
        {
            return false; // a CRC over the section including its own CRC field is 0 when intact
        }

        section = whole;
        return true;
    }

    private bool Reset()
    {
        _length = 0;
        _expected = -1;
        return false;
    }
}
