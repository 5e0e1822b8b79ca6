namespace Nightjar.Recording.Devices.Multipart;

internal sealed partial class MultipartStreamParser
{
    private bool KeepBody()
    {
        var span = _buffer.AsSpan(0, _count);
        var overlap = _dashBoundary.Length - 1;
        if (_remaining is { } declared)
        {
            var length = (int)declared;
            var searchEnd = (int)Math.Min(_count, declared + overlap);
            var at = IndexOfDelimiter(span[..searchEnd]);
            if (at >= 0 && at < length)
            {
                // The device started a new part inside this one's declared length: this part is cut short.
                _listener.OnError(MultipartError.Truncated);
                Consume(at);
                ResyncQuietly();
                return true;
            }

            if (_count >= length)
            {
                Deliver(length, length);
                _state = State.AfterBody;
                return true;
            }

            _scanned = searchEnd;
            return false;
        }

        var end = IndexOfDelimiter(span);
        if (end >= 0)
        {
            // Text loses trailing whitespace whichever way its end was found (document complete or delimiter seen).
            var length = _kind == PartKind.Text ? span[..end].TrimEnd(" \t\r\n"u8).Length : TrimLineBreak(span[..end]);
            Deliver(length, end);
            _state = State.Seek;
            return true;
        }

        if (_count > _cap)
        {
            _listener.OnError(MultipartError.Oversized);
            _keep = false;
            _reported = true;
            return true;
        }

        _scanned = _count;
        if (_kind == PartKind.Text && DocumentProbe.IsComplete(span))
        {
            Deliver(span.TrimEnd(" \t\r\n"u8).Length, _count);
            _state = State.AfterBody;
            return true;
        }

        return false;
    }

    private bool SkipBody()
    {
        var span = _buffer.AsSpan(0, _count);
        var overlap = _dashBoundary.Length - 1;
        if (_remaining is { } remaining)
        {
            var searchEnd = (int)Math.Min(_count, remaining + overlap);
            var at = span[..searchEnd].IndexOf(_dashBoundary);
            if (at >= 0 && at < remaining)
            {
                if (!_reported)
                {
                    _listener.OnError(MultipartError.Truncated);
                }

                Consume(at);
                ResyncQuietly();
                return true;
            }

            if (_count >= remaining)
            {
                Consume((int)remaining);
                FinishSkip();
                _state = State.AfterBody;
                return true;
            }

            var drop = Math.Max(0, _count - overlap);
            Consume(drop);
            _remaining = remaining - drop;
            return false;
        }

        var end = span.IndexOf(_dashBoundary);
        if (end >= 0)
        {
            Consume(end);
            FinishSkip();
            _state = State.Seek;
            return true;
        }

        Consume(Math.Max(0, _count - overlap));
        return false;
    }

    private bool AfterBody()
    {
        var span = _buffer.AsSpan(0, _count);
        var start = span.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            Consume(_count);
            return false;
        }

        var rest = span[start..];
        var prefix = Math.Min(rest.Length, _dashBoundary.Length);
        var isDelimiter = rest[..prefix].SequenceEqual(_dashBoundary.AsSpan(0, prefix));
        Consume(start);
        if (isDelimiter)
        {
            if (prefix < _dashBoundary.Length)
            {
                return false;
            }

            _state = State.Seek;
            return true;
        }

        // Bytes after a complete body that are not the next delimiter: a Content-Length that lied, or two documents
        // in one part. Report once and skip to the next delimiter.
        Fail(MultipartError.Boundary);
        return true;
    }

    private void Deliver(int length, int consumed)
    {
        try
        {
            _listener.OnPart(new MultipartPart(_contentType, _kind, _buffer.AsMemory(0, length)));
        }
        finally
        {
            Consume(consumed);
            _reportGarbage = true;
        }
    }

    private void FinishSkip()
    {
        if (!_reported)
        {
            _listener.OnDropped(_kind);
        }

        _reportGarbage = true;
    }

    private int IndexOfDelimiter(ReadOnlySpan<byte> span)
    {
        // Only the bytes not searched yet (plus an overlap for a delimiter split across two reads).
        var from = Math.Max(0, _scanned - (_dashBoundary.Length - 1));
        var at = span[from..].IndexOf(_dashBoundary);
        return at < 0 ? -1 : from + at;
    }

    private static int TrimLineBreak(ReadOnlySpan<byte> body)
    {
        // The line break before a delimiter belongs to the delimiter (RFC 2046), when there is one.
        var length = body.Length;
        if (length > 0 && body[length - 1] == '\n')
        {
            length--;
            if (length > 0 && body[length - 1] == '\r')
            {
                length--;
            }
        }

        return length;
    }
}
