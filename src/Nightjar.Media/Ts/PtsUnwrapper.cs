namespace Nightjar.Media.Ts;

/// <summary>Extends 33-bit PTS/DTS values into a monotonic 64-bit line (the clock wraps every ~26.5 h).</summary>
internal struct PtsUnwrapper
{
    private const long Wrap = 1L << 33;
    private const long Half = Wrap / 2;

    private long _last;
    private bool _started;

    public long Unwrap(long raw)
    {
        if (!_started)
        {
            _started = true;
            _last = raw;
            return raw;
        }

        // Pick the value congruent to raw modulo 2^33 that is nearest to the last one.
        var candidate = (_last - (_last % Wrap + Wrap) % Wrap) + raw;
        if (candidate - _last > Half)
        {
            candidate -= Wrap;
        }
        else if (_last - candidate > Half)
        {
            candidate += Wrap;
        }

        _last = candidate;
        return candidate;
    }
}
