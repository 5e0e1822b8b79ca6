namespace Nightjar.Media.Ts;

public sealed partial class TsIndexer
{
    // Enough of a PES to see its header and the NAL units before the first slice (AUD, SPS, PPS, SEI).
    private const int PesHeadLimit = 2048;

    // Keyframes further apart than this in PTS are a timestamp jump, not a GOP.
    private const long MaxGopPts = 10 * 60 * GopEntry.ClockRate;

    private readonly PsiSectionAssembler _pat = new();
    private readonly PsiSectionAssembler _pmt = new();
    private readonly List<GopEntry> _gops = [];
    private readonly byte[] _pesHead = new byte[PesHeadLimit];

    private int _pmtPid = -1;
    private int _videoPid = -1;
    private TsVideoCodec _codec;
    private int _lastCc = -1;
    private int _continuityErrors;
    private long _pendingChunkStart = -1;
    private long _videoPesCount;

    private bool _pesActive;
    private bool _pesDecided;
    private bool _pesRai;
    private bool _pesFirst;
    private long _pesChunkStart;
    private int _pesHeadLength;

    private PtsUnwrapper _unwrapper;
    private long _lastDts = -1;
    private long _frameDuration;

    private bool _gopOpen;
    private long _gopOffset;
    private long _gopPts;
    private long _gopMaxPts;

    private void ProcessPacket(ReadOnlySpan<byte> packet, long offset)
    {
        if ((packet[1] & 0x80) != 0)
        {
            return; // transport_error_indicator: the demodulator says this packet is broken
        }

        var pid = ((packet[1] & 0x1F) << 8) | packet[2];
        var unitStart = (packet[1] & 0x40) != 0;
        var control = (packet[3] >> 4) & 0x3;
        var counter = packet[3] & 0x0F;
        if (control == 0)
        {
            return;
        }

        var payloadStart = 4;
        var randomAccess = false;
        var discontinuity = false;
        if ((control & 0x2) != 0)
        {
            var adaptationLength = packet[4];
            if (adaptationLength > PacketSize - 5)
            {
                return;
            }

            if (adaptationLength > 0)
            {
                discontinuity = (packet[5] & 0x80) != 0;
                randomAccess = (packet[5] & 0x40) != 0;
            }

            payloadStart = 5 + adaptationLength;
        }

        var payload = (control & 0x1) != 0 ? packet[payloadStart..] : [];
        if (pid == 0)
        {
            OnPat(payload, unitStart, offset);
        }
        else if (pid == _pmtPid)
        {
            OnPmt(payload, unitStart);
        }
        else if (pid == _videoPid)
        {
            CheckContinuity(control, counter, discontinuity);
            OnVideo(payload, unitStart, randomAccess, offset);
        }
    }

    private void OnPat(ReadOnlySpan<byte> payload, bool unitStart, long offset)
    {
        // ffmpeg writes PAT+PMT right before every keyframe: a GOP's bytes start at that PAT.
        if (unitStart && _pendingChunkStart < 0)
        {
            _pendingChunkStart = offset;
        }

        if (_pat.Push(payload, unitStart, out var section))
        {
            var pmt = PsiTables.FirstProgramMapPid(section);
            if (pmt is > 0 and < 0x1FFF)
            {
                _pmtPid = pmt;
            }
        }
    }

    private void OnPmt(ReadOnlySpan<byte> payload, bool unitStart)
    {
        if (_pmt.Push(payload, unitStart, out var section)
            && PsiTables.TryFindVideo(section, out var pid, out var codec)
            && (pid != _videoPid || codec != _codec))
        {
            FinishPes();
            _videoPid = pid;
            _codec = codec;
            _lastCc = -1;
        }
    }

    private void CheckContinuity(int control, int counter, bool discontinuity)
    {
        if ((control & 0x1) == 0)
        {
            return; // the counter only advances on packets with payload
        }

        if (_lastCc >= 0 && !discontinuity && counter != ((_lastCc + 1) & 0x0F) && counter != _lastCc)
        {
            _continuityErrors++;
        }

        _lastCc = counter;
    }

    private void OnVideo(ReadOnlySpan<byte> payload, bool unitStart, bool randomAccess, long offset)
    {
        var chunkStart = _pendingChunkStart >= 0 ? _pendingChunkStart : offset;
        _pendingChunkStart = -1;
        if (unitStart)
        {
            FinishPes();
            _pesActive = true;
            _pesDecided = false;
            _pesRai = randomAccess;
            _pesFirst = _videoPesCount == 0;
            _pesChunkStart = chunkStart;
            _pesHeadLength = 0;
            _videoPesCount++;
        }

        if (!_pesActive || _pesDecided)
        {
            return;
        }

        var take = Math.Min(payload.Length, PesHeadLimit - _pesHeadLength);
        payload[..take].CopyTo(_pesHead.AsSpan(_pesHeadLength));
        _pesHeadLength += take;
        TryDecide(final: false);
    }

    private void FinishPes()
    {
        if (_pesActive && !_pesDecided)
        {
            TryDecide(final: true);
        }

        _pesActive = false;
    }

    private void TryDecide(bool final)
    {
        var head = _pesHead.AsSpan(0, _pesHeadLength);
        var parsed = PesHeader.TryParse(head, out var header);
        if (parsed == PesHeader.Result.Invalid || (parsed == PesHeader.Result.NeedMoreData && (final || _pesHeadLength == PesHeadLimit)))
        {
            _pesDecided = true; // not a PES we understand: ignore the frame
            return;
        }

        if (parsed == PesHeader.Result.NeedMoreData)
        {
            return;
        }

        var verdict = _pesRai ? NalScanner.Verdict.Key : NalScanner.Scan(head[header.PayloadOffset..], _codec);
        if (verdict == NalScanner.Verdict.Undecided && !final && _pesHeadLength < PesHeadLimit)
        {
            return;
        }

        _pesDecided = true;
        OnFrame(verdict == NalScanner.Verdict.Key, header);
    }

    private void OnFrame(bool key, PesHeader header)
    {
        if (header.Pts < 0)
        {
            return; // a frame without a timestamp cannot be placed in time
        }

        var pts = _unwrapper.Unwrap(header.Pts);
        var dts = header.Dts == header.Pts ? pts : _unwrapper.Unwrap(header.Dts);
        if (_lastDts >= 0 && dts > _lastDts && dts - _lastDts < GopEntry.ClockRate)
        {
            _frameDuration = dts - _lastDts;
        }

        _lastDts = dts;
        if (key)
        {
            var start = _pesFirst ? _syncOffset : _pesChunkStart;
            if (_gopOpen && start > _gopOffset)
            {
                var span = pts - _gopPts;
                var duration = span > 0 && span <= MaxGopPts ? span : EstimateOpenDuration();
                _gops.Add(new GopEntry(_gopOffset, start - _gopOffset, _gopPts, duration));
            }

            _gopOpen = true;
            _gopOffset = start;
            _gopPts = pts;
            _gopMaxPts = pts;
        }
        else if (_gopOpen && pts > _gopMaxPts && pts - _gopPts <= MaxGopPts)
        {
            _gopMaxPts = pts;
        }
    }

    private long EstimateOpenDuration() => _gopMaxPts - _gopPts + _frameDuration;

    private void CloseOpenGop(long end)
    {
        if (_gopOpen && end > _gopOffset)
        {
            _gops.Add(new GopEntry(_gopOffset, end - _gopOffset, _gopPts, EstimateOpenDuration()));
        }

        _gopOpen = false;
    }

    private TsFileIndex BuildIndex()
    {
        GopEntry? open = _gopOpen && _position > _gopOffset
            ? new GopEntry(_gopOffset, _position - _gopOffset, _gopPts, EstimateOpenDuration())
            : null;
        return new TsFileIndex(_codec, _videoPid, _gops.ToArray(), open, _position, _syncOffset, _syncLosses, _continuityErrors);
    }
}
