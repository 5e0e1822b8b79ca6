using System.Buffers;
using System.Globalization;
using System.Text;

namespace Nightjar.Media.Rtsp;

/// <summary>
/// Pure, allocation-light parser of RTSP/1.0 requests (RFC 2326 §6). It never throws on network input:
/// every outcome is a <see cref="RtspParseResult"/>, so it can be fuzzed directly.
/// </summary>
internal static class RtspRequestParser
{
    public const int DefaultMaxRequestBytes = 64 * 1024;
    private const int MaxRequestLineBytes = 8 * 1024;
    private const int MaxHeaderCount = 100;
    private const int MaxMethodLength = 32;

    /// <summary>Parses one message from the start of <paramref name="input"/>.</summary>
    public static RtspParseResult Parse(ReadOnlySequence<byte> input, int maxRequestBytes = DefaultMaxRequestBytes)
    {
        if (input.IsSingleSegment)
        {
            return Parse(input.FirstSpan, maxRequestBytes);
        }

        // A request spanning pipe segments is rare (requests are small): copy at most what a request may span.
        var length = (int)Math.Min(input.Length, maxRequestBytes + 1L);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            input.Slice(0, length).CopyTo(rented);
            return Parse(rented.AsSpan(0, length), maxRequestBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static RtspParseResult Parse(ReadOnlySpan<byte> data, int maxRequestBytes = DefaultMaxRequestBytes)
    {
        var window = data.Length > maxRequestBytes ? data[..maxRequestBytes] : data;
        var headerEnd = FindHeaderEnd(window);
        if (headerEnd < 0)
        {
            return ClassifyIncomplete(data, maxRequestBytes);
        }

        var head = Encoding.UTF8.GetString(data[..headerEnd]);
        var lines = head.Split('\n');
        var headers = new RtspHeaders();
        var error = ParseHeaders(lines, headers);
        var cseq = headers.Get("CSeq");
        if (error is not null)
        {
            return RtspParseResult.Fail(RtspParseStatus.Fatal, headerEnd, 400, error, cseq);
        }

        var bodyLength = 0;
        var contentLength = headers.Get("Content-Length");
        if (contentLength is not null)
        {
            if (!int.TryParse(contentLength.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out bodyLength))
            {
                return RtspParseResult.Fail(RtspParseStatus.Fatal, headerEnd, 400, "Bad Content-Length", cseq);
            }

            if (bodyLength > maxRequestBytes - headerEnd)
            {
                return RtspParseResult.Fail(RtspParseStatus.Fatal, headerEnd, 413, "Request Entity Too Large", cseq);
            }
        }

        if (data.Length < headerEnd + bodyLength)
        {
            return RtspParseResult.Incomplete;
        }

        var consumed = headerEnd + bodyLength;
        var requestLine = lines[0].TrimEnd('\r');
        var parts = requestLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0 && parts[0].StartsWith("RTSP/", StringComparison.Ordinal))
        {
            return new RtspParseResult(RtspParseStatus.Response, null, consumed, 0, null, cseq);
        }

        if (parts.Length != 3)
        {
            return RtspParseResult.Fail(RtspParseStatus.Fatal, consumed, 400, "Bad Request Line", cseq);
        }

        var (method, uri, version) = (parts[0], parts[1], parts[2]);
        if (!IsToken(method) || method.Length > MaxMethodLength)
        {
            return RtspParseResult.Fail(RtspParseStatus.Fatal, consumed, 400, "Bad Method", cseq);
        }

        if (!string.Equals(version, "RTSP/1.0", StringComparison.Ordinal))
        {
            return RtspParseResult.Fail(RtspParseStatus.Invalid, consumed, 505, "RTSP Version Not Supported", cseq);
        }

        var body = bodyLength == 0 ? [] : data.Slice(headerEnd, bodyLength).ToArray();
        var request = new RtspRequest(method, uri, version, headers, body);
        return new RtspParseResult(RtspParseStatus.Request, request, consumed, 0, null, cseq);
    }

    private static RtspParseResult ClassifyIncomplete(ReadOnlySpan<byte> data, int maxRequestBytes)
    {
        if (data.Length >= maxRequestBytes)
        {
            return RtspParseResult.Fail(RtspParseStatus.Fatal, data.Length, 413, "Request Entity Too Large", null);
        }

        // Reject an obviously bad first line early instead of waiting for 64 KiB of garbage.
        var newline = data.IndexOf((byte)'\n');
        var firstLine = newline < 0 ? data : data[..newline];
        if (newline < 0 && data.Length > MaxRequestLineBytes)
        {
            return RtspParseResult.Fail(RtspParseStatus.Fatal, data.Length, 400, "Request Line Too Long", null);
        }

        foreach (var b in firstLine)
        {
            if (b is < 0x20 and not (byte)'\r' and not (byte)'\t' || b == 0x7F)
            {
                return RtspParseResult.Fail(RtspParseStatus.Fatal, data.Length, 400, "Bad Request Line", null);
            }
        }

        return RtspParseResult.Incomplete;
    }

    /// <summary>Index just past the empty line ending the header block (CRLF CRLF, tolerating bare LF), or -1.</summary>
    private static int FindHeaderEnd(ReadOnlySpan<byte> data)
    {
        var from = 0;
        while (from < data.Length)
        {
            var index = data[from..].IndexOf((byte)'\n');
            if (index < 0)
            {
                return -1;
            }

            var lf = from + index;
            if (lf + 1 < data.Length && data[lf + 1] == '\n')
            {
                return lf + 2;
            }

            if (lf + 2 < data.Length && data[lf + 1] == '\r' && data[lf + 2] == '\n')
            {
                return lf + 3;
            }

            from = lf + 1;
        }

        return -1;
    }

    /// <summary>Fills <paramref name="headers"/> from lines 1..n; returns an error text or null.</summary>
    private static string? ParseHeaders(string[] lines, RtspHeaders headers)
    {
        string? pendingName = null;
        var pendingValue = new StringBuilder();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                // RFC 2616 §2.2 continuation line (obsolete folding), still sent by old clients.
                if (pendingName is null)
                {
                    return "Bad Header Continuation";
                }

                pendingValue.Append(' ').Append(line.Trim());
                continue;
            }

            if (pendingName is not null)
            {
                headers.Add(pendingName, pendingValue.ToString());
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return "Bad Header Line";
            }

            pendingName = line[..colon].Trim();
            if (!IsToken(pendingName))
            {
                return "Bad Header Name";
            }

            pendingValue.Clear().Append(line.AsSpan(colon + 1).Trim());
            if (headers.Count >= MaxHeaderCount)
            {
                return "Too Many Headers";
            }
        }

        if (pendingName is not null)
        {
            headers.Add(pendingName, pendingValue.ToString());
        }

        return lines.Length == 0 || lines[0].TrimEnd('\r').Length == 0 ? "Empty Request Line" : null;
    }

    private static bool IsToken(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is <= ' ' or >= (char)0x7F or '(' or ')' or '<' or '>' or '@' or ',' or ';' or ':' or '\\' or '"'
                or '/' or '[' or ']' or '?' or '=' or '{' or '}')
            {
                return false;
            }
        }

        return true;
    }
}
