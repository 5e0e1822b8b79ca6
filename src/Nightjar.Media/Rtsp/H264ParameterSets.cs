using System.Buffers.Binary;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// Learns SPS and PPS sent in-band (single NAL units or STAP-A, RFC 6184) for publishers whose SDP has no
/// <c>sprop-parameter-sets</c> (ffmpeg copying from a source without global headers), so readers' SDP can carry them.
/// Written by the publisher's receive loop only; <see cref="Fmtp"/> is safe to read from any thread.
/// </summary>
internal sealed class H264ParameterSets
{
    private const int MaxNalBytes = 512;
    private byte[]? _sps;
    private byte[]? _pps;
    private volatile string? _fmtp;

    /// <summary><c>sprop-parameter-sets=SPS,PPS</c> (base64) once both were seen, else null.</summary>
    public string? Fmtp => _fmtp;

    public void Learn(ReadOnlySpan<byte> payload)
    {
        if (_fmtp is not null || payload.IsEmpty)
        {
            return;
        }

        if ((payload[0] & 0x1F) == 24)
        {
            var offset = 1;
            while (offset + 2 < payload.Length)
            {
                var size = BinaryPrimitives.ReadUInt16BigEndian(payload[offset..]);
                offset += 2;
                if (size == 0 || offset + size > payload.Length)
                {
                    break;
                }

                Keep(payload.Slice(offset, size));
                offset += size;
            }
        }
        else
        {
            Keep(payload);
        }

        if (_sps is not null && _pps is not null)
        {
            _fmtp = "sprop-parameter-sets=" + Convert.ToBase64String(_sps) + "," + Convert.ToBase64String(_pps);
        }
    }

    private void Keep(ReadOnlySpan<byte> nal)
    {
        if (nal.Length > MaxNalBytes)
        {
            return;
        }

        switch (nal[0] & 0x1F)
        {
            case 7:
                _sps = nal.ToArray();
                break;
            case 8:
                _pps = nal.ToArray();
                break;
        }
    }
}
