using System.Globalization;
using System.Text;

namespace Nightjar.Media.Rtsp;

/// <summary>An RTSP response under construction; serialised once by <see cref="ToBytes"/>.</summary>
internal sealed class RtspResponse(int statusCode, string? reason = null)
{
    private readonly List<KeyValuePair<string, string>> _headers = [];

    public int StatusCode { get; } = statusCode;

    public string Reason { get; } = reason ?? RtspStatus.ReasonPhrase(statusCode);

    public byte[] Body { get; private set; } = [];

    /// <summary>Set when the connection must be closed after this response is written.</summary>
    public bool CloseConnection { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    public RtspResponse With(string name, string value)
    {
        _headers.Add(new(name, value));
        return this;
    }

    public RtspResponse WithBody(string contentType, string body)
    {
        Body = Encoding.UTF8.GetBytes(body);
        return With("Content-Type", contentType);
    }

    public string? Get(string name)
    {
        foreach (var header in _headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>Status line, CSeq first (some clients look only there), our headers, Content-Length, body.</summary>
    public byte[] ToBytes(string? cseq, DateTimeOffset now)
    {
        var text = new StringBuilder(256);
        text.Append("RTSP/1.0 ").Append(StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Reason).Append("\r\n");
        if (cseq is not null)
        {
            text.Append("CSeq: ").Append(cseq).Append("\r\n");
        }

        text.Append("Server: Nightjar\r\n");
        text.Append("Date: ").Append(now.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n");
        foreach (var header in _headers)
        {
            text.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        if (Body.Length > 0)
        {
            text.Append("Content-Length: ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        text.Append("\r\n");
        var head = Encoding.UTF8.GetBytes(text.ToString());
        if (Body.Length == 0)
        {
            return head;
        }

        var all = new byte[head.Length + Body.Length];
        head.CopyTo(all, 0);
        Body.CopyTo(all, head.Length);
        return all;
    }
}
