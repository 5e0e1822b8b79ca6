using System.Text;

namespace Nightjar.Recording.Devices.Multipart;

/// <summary>
/// A push parser for a <c>multipart/mixed</c> body that never ends (Hikvision's alert stream): feed it bytes as they
/// arrive and it reports complete parts, deliberate drops and errors to its listener, synchronously.
/// </summary>
/// <remarks>
/// <para>Devices get multipart subtly wrong, so the parser is lenient where that costs nothing: CR LF or bare LF,
/// blank lines or anything before the first delimiter, a delimiter glued to the end of a body (no line break before
/// <c>--boundary</c>), <c>Content-Length</c> present or not, no closing delimiter. A part without a length is
/// delivered as soon as it is a complete XML or JSON document, not only when the next delimiter arrives, because
/// a device sends that delimiter with its next event, seconds or hours later.</para>
/// <para>It is strict where leniency would cost memory or correctness: a broken delimiter line, bytes between a
/// body and the next delimiter, a delimiter inside a declared length (a truncated part) or a part over its cap
/// (an endless part) are reported once and skipped up to the next delimiter, and parsing carries on. Memory stays
/// below the largest cap plus 64 KiB whatever arrives; every byte is looked at a bounded number of times, so no
/// input makes it spin.</para>
/// </remarks>
internal sealed partial class MultipartStreamParser
{
    private const int SliceBytes = 64 * 1024;
    private const int MaxDelimiterLineBytes = 256;
    private const int IdleBufferBytes = 16 * 1024;
    private const int MaxBoundaryLength = 200;

    private readonly byte[] _dashBoundary;
    private readonly MultipartLimits _limits;
    private readonly IMultipartListener _listener;
    private byte[] _buffer = new byte[IdleBufferBytes];
    private int _count;
    private State _state = State.Seek;

    // False in the preamble and after an error was reported: bytes skipped while resynchronising are not news.
    private bool _reportGarbage;
    private bool _garbage;

    private string? _contentType;
    private PartKind _kind;
    private long? _remaining;
    private bool _keep;
    private bool _reported;
    private int _cap;
    private int _scanned;

    /// <param name="boundary">The <c>boundary</c> parameter of the response's content type, without quotes.</param>
    /// <param name="limits">Size caps and whether images are kept.</param>
    /// <param name="listener">Receives parts, drops and errors.</param>
    /// <exception cref="ArgumentException">The boundary is empty, too long or holds a line break.</exception>
    public MultipartStreamParser(string boundary, MultipartLimits limits, IMultipartListener listener)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(listener);
        if (boundary.Length is 0 or > MaxBoundaryLength || boundary.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("The multipart boundary must be 1 to 200 characters on one line.", nameof(boundary));
        }

        _dashBoundary = Encoding.Latin1.GetBytes("--" + boundary);
        _limits = limits;
        _listener = listener;
    }

    private enum State
    {
        Seek,
        AfterDelimiter,
        Headers,
        Body,
        AfterBody,
    }

    /// <summary>Bytes held right now (for tests of the memory bound).</summary>
    public int BufferedBytes => _count;

    /// <summary>Size of the internal buffer right now.</summary>
    public int BufferCapacity => _buffer.Length;

    /// <summary>Parses the next bytes of the stream.</summary>
    public void Feed(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var slice = data[..Math.Min(data.Length, SliceBytes)];
            Append(slice);
            data = data[slice.Length..];
            while (Step())
            {
            }
        }
    }

    /// <summary>The stream ended: a part still in progress is reported as <see cref="MultipartError.Truncated"/>.</summary>
    public void Complete()
    {
        if (_state is State.Body && !_reported || _state is State.Headers && _count > 0)
        {
            _listener.OnError(MultipartError.Truncated);
        }

        _count = 0;
        _state = State.Seek;
        _reportGarbage = false;
        _garbage = false;
        if (_buffer.Length > IdleBufferBytes)
        {
            _buffer = new byte[IdleBufferBytes];
        }
    }

    private bool Step() => _state switch
    {
        State.Seek => Seek(),
        State.AfterDelimiter => AfterDelimiter(),
        State.Headers => Headers(),
        State.Body => _keep ? KeepBody() : SkipBody(),
        _ => AfterBody(),
    };

    private bool Seek()
    {
        var span = _buffer.AsSpan(0, _count);
        var at = span.IndexOf(_dashBoundary);
        if (at < 0)
        {
            var drop = _count - Math.Min(_count, _dashBoundary.Length - 1);
            NoteGarbage(span[..drop]);
            Consume(drop);
            return false;
        }

        NoteGarbage(span[..at]);
        if (_garbage && _reportGarbage)
        {
            _listener.OnError(MultipartError.Boundary);
        }

        _garbage = false;
        Consume(at + _dashBoundary.Length);
        _state = State.AfterDelimiter;
        return true;
    }

    private bool AfterDelimiter()
    {
        if (_count < 2)
        {
            return false;
        }

        var span = _buffer.AsSpan(0, _count);
        if (span[0] == '-' && span[1] == '-')
        {
            // The closing delimiter. Devices that carry on after it are tolerated: look for the next one.
            Consume(2);
            ResyncQuietly();
            return true;
        }

        var lf = span[..Math.Min(_count, MaxDelimiterLineBytes)].IndexOf((byte)'\n');
        if (lf < 0)
        {
            if (_count < MaxDelimiterLineBytes)
            {
                return false;
            }

            Fail(MultipartError.Boundary);
            return true;
        }

        if (span[..lf].TrimEnd((byte)'\r').IndexOfAnyExcept((byte)' ', (byte)'\t') >= 0)
        {
            // "--boundaryXYZ": not our delimiter line. Leave the bytes to Seek, which drops them.
            Fail(MultipartError.Boundary);
            return true;
        }

        Consume(lf + 1);
        _state = State.Headers;
        return true;
    }

    private void NoteGarbage(ReadOnlySpan<byte> skipped)
    {
        if (!_garbage && skipped.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
        {
            _garbage = true;
        }
    }

    private void Fail(MultipartError error)
    {
        _listener.OnError(error);
        ResyncQuietly();
    }

    private void ResyncQuietly()
    {
        _state = State.Seek;
        _reportGarbage = false;
        _garbage = false;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        var needed = _count + data.Length;
        if (needed > _buffer.Length)
        {
            var grown = new byte[Math.Max(needed, Math.Min(_buffer.Length * 2, needed + SliceBytes))];
            _buffer.AsSpan(0, _count).CopyTo(grown);
            _buffer = grown;
        }

        data.CopyTo(_buffer.AsSpan(_count));
        _count = needed;
    }

    private void Consume(int bytes)
    {
        if (bytes <= 0)
        {
            return;
        }

        _buffer.AsSpan(bytes, _count - bytes).CopyTo(_buffer);
        _count -= bytes;
        _scanned = 0;
        if (_count == 0 && _buffer.Length > 4 * IdleBufferBytes)
        {
            // After a large image or text part: do not hold megabytes per idle device connection.
            _buffer = new byte[IdleBufferBytes];
        }
    }
}
